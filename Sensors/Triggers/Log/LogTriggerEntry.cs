using System.Collections;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Triggers.Log;

/// <summary>
/// One logged event as structured log state: the message is the event data (what Argo logs), and the dependency and
/// the event's context travel as fields, so JSON console and OTLP logs carry them without parsing the message.
/// </summary>
internal readonly struct LogTriggerEntry(string data, string triggerName, string dependencyName, SensorEventContext context)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const int FieldCount = 9;

    public static Func<LogTriggerEntry, Exception?, string> Format { get; } = static (entry, _) => entry.Data;

    public string Data => data;

    public int Count => FieldCount;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Data", data),
        1 => new("TriggerName", triggerName),
        2 => new("DependencyName", dependencyName),
        3 => new("EventId", context.Id),
        4 => new("EventSource", context.Source),
        5 => new("EventSubject", context.Subject),
        6 => new("EventType", context.Type),
        7 => new("EventTime", context.Time),
        8 => new("{OriginalFormat}", "{Data}"),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < FieldCount; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => data;
}
