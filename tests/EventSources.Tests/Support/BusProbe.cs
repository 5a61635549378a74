using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventSources.Tests.Support;

/// <summary>Reads what reached the bus: the events stored in the <c>default</c> stream, in order.</summary>
public sealed class BusProbe : IAsyncDisposable
{
    private readonly EventBusClient _bus;

    private BusProbe(EventBusClient bus) => _bus = bus;

    /// <summary>Connects to the bus.</summary>
    public static async Task<BusProbe> ConnectAsync(string busUrl) => new(await EventBusClient.ConnectAsync(busUrl));

    /// <summary>The bus client.</summary>
    public EventBusClient Bus => _bus;

    /// <summary>Every event stored under <paramref name="subject"/> (wildcards allowed), in stream order.</summary>
    public async Task<List<(string Subject, CloudEvent Event, string? MsgId)>> ReadAllAsync(string subject = "default.>")
    {
        var events = new List<(string, CloudEvent, string?)>();
        StreamInfo info;
        try
        {
            info = await _bus.JetStream.GetStreamInfoAsync(ArgoWireNames.StreamName);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound)
        {
            return events;
        }

        for (var sequence = info.State.FirstSequence; sequence <= info.State.LastSequence && info.State.Messages > 0; sequence++)
        {
            var message = await _bus.JetStream.GetMessageAsync(ArgoWireNames.StreamName, sequence);
            if (message is null || !Matches(subject, message.Subject))
            {
                continue;
            }

            events.Add((message.Subject, CloudEventJsonFormat.Parse(message.Data.ToArray()), message.Headers?["Nats-Msg-Id"]));
        }

        return events;
    }

    /// <summary>Waits until at least <paramref name="count"/> events are stored under <paramref name="subject"/>.</summary>
    public async Task<List<(string Subject, CloudEvent Event, string? MsgId)>> WaitForAsync(int count, string subject = "default.>", TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var events = await ReadAllAsync(subject);
            if (events.Count >= count || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Deletes the stream so a test starts from nothing.</summary>
    public async Task ResetAsync()
    {
        try
        {
            await _bus.JetStream.DeleteStreamAsync(ArgoWireNames.StreamName);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound)
        {
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _bus.DisposeAsync();

    private static bool Matches(string pattern, string subject)
    {
        var p = pattern.Split('.');
        var s = subject.Split('.');
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] == ">")
            {
                return s.Length > i;
            }

            if (i >= s.Length || (p[i] != "*" && p[i] != s[i]))
            {
                return false;
            }
        }

        return p.Length == s.Length;
    }
}
