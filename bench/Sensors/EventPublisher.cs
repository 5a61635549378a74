using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.Bench.Sensors;

/// <summary>
/// Publishes webhook-shaped events as an EventSource does (structured CloudEvent on <c>default.&lt;source&gt;.&lt;event&gt;</c>,
/// <c>Nats-Msg-Id</c> = event id) through the async JetStream publisher, without waiting for each ack. Each event's
/// body carries <c>kind: order</c> and the <see cref="Stopwatch"/> timestamp of its publish as <c>sent</c>.
/// </summary>
public sealed class EventPublisher(EventBusClient bus, string eventSourceName, string eventName, int window = 1024)
{
    private readonly JetStreamAsyncPublisher _publisher = bus.JetStream.CreateAsyncPublisher(window);
    private readonly string _subject = ArgoWireNames.Subject(eventSourceName, eventName);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly List<Task<PubAck>> _acks = [];
    private int _published;

    public int Published => _published;

    /// <summary>Publishes the next event; returns once it is in the publish window.</summary>
    public async ValueTask PublishAsync()
    {
        var sequence = ++_published;
        var id = string.Create(CultureInfo.InvariantCulture, $"{_runId}-{sequence}");
        var cloudEvent = new CloudEvent(id, eventSourceName, "webhook")
        {
            Subject = eventName,
            DataContentType = "application/json",
            Time = DateTimeOffset.UtcNow,
        };
        var sent = Stopwatch.GetTimestamp();
        cloudEvent.SetData(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $$$"""{"header":{"Content-Type":["application/json"],"User-Agent":["bench/1.0"]},"body":{"kind":"order","id":"{{{id}}}","amount":{{{sequence % 500}}},"sent":{{{sent}}}}}""")));
        var body = new ArrayBufferWriter<byte>(512);
        CloudEventJsonFormat.Serialize(cloudEvent, body);
        _acks.Add(await _publisher.PublishAsync(_subject, body.WrittenMemory, new JetStreamPublishOptions { MsgId = id }));
    }

    /// <summary>Waits for every ack and fails if any publish failed.</summary>
    public async Task WaitForAcksAsync()
    {
        await Task.WhenAll(_acks);
        _acks.Clear();
    }
}
