using System.Text;
using System.Text.Json;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Templates;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// The parsed forms of the events one parameter list reads, made on first use and shared by every parameter of that
/// list: data and context are parsed once per event however many parameters read them.
/// </summary>
internal sealed class EventPayloads : IDisposable
{
    private readonly List<Entry> _entries = new(2);

    /// <summary>The event data as JSON, or false with Argo's error when it is not JSON or YAML.</summary>
    public bool TryGetData(SensorEvent sensorEvent, out JsonElement data, out string? error)
    {
        var entry = EntryFor(sensorEvent);
        if (!entry.DataParsed)
        {
            entry.Data = EventDataJson.TryParse(sensorEvent, out var dataError);
            entry.DataError = dataError;
            entry.DataParsed = true;
        }

        error = entry.DataError;
        data = entry.Data?.RootElement ?? default;
        return entry.Data is not null;
    }

    /// <summary>The event context as Argo's <c>EventContext</c> JSON.</summary>
    public JsonElement GetContext(SensorEvent sensorEvent)
    {
        var entry = EntryFor(sensorEvent);
        entry.Context ??= JsonDocument.Parse(EventContextJson.Serialize(sensorEvent.Context));
        return entry.Context.RootElement;
    }

    /// <summary>The Go value of the event data, what <c>.Input</c> is in a <c>dataTemplate</c>; call after <see cref="TryGetData"/> succeeded.</summary>
    public object? GetDataValue(SensorEvent sensorEvent)
    {
        var entry = EntryFor(sensorEvent);
        if (!entry.DataValueMade)
        {
            entry.DataValue = GoValues.FromJson(entry.Data!.RootElement);
            entry.DataValueMade = true;
        }

        return entry.DataValue;
    }

    /// <summary>The Go value of the event context, what <c>.Input</c> is in a <c>contextTemplate</c>.</summary>
    public object? GetContextValue(SensorEvent sensorEvent)
    {
        var entry = EntryFor(sensorEvent);
        if (!entry.ContextValueMade)
        {
            entry.ContextValue = GoValues.FromJson(GetContext(sensorEvent));
            entry.ContextValueMade = true;
        }

        return entry.ContextValue;
    }

    /// <summary>The whole event as Argo's JSON text.</summary>
    public string GetWholeEvent(SensorEvent sensorEvent)
    {
        var entry = EntryFor(sensorEvent);
        return entry.WholeEvent ??= Encoding.UTF8.GetString(sensorEvent.ToArgoJson());
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var entry in _entries)
        {
            entry.Data?.Dispose();
            entry.Context?.Dispose();
        }

        _entries.Clear();
    }

    private Entry EntryFor(SensorEvent sensorEvent)
    {
        foreach (var existing in _entries)
        {
            if (ReferenceEquals(existing.Event, sensorEvent))
            {
                return existing;
            }
        }

        var entry = new Entry(sensorEvent);
        _entries.Add(entry);
        return entry;
    }

    private sealed class Entry(SensorEvent sensorEvent)
    {
        public SensorEvent Event { get; } = sensorEvent;

        public bool DataParsed { get; set; }

        public JsonDocument? Data { get; set; }

        public string? DataError { get; set; }

        public JsonDocument? Context { get; set; }

        public bool DataValueMade { get; set; }

        public object? DataValue { get; set; }

        public bool ContextValueMade { get; set; }

        public object? ContextValue { get; set; }

        public string? WholeEvent { get; set; }
    }
}
