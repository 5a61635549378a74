using System.Buffers;
using System.Diagnostics;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.Bus;

/// <summary>
/// The bus as EventSources and Sensors use it, on Argo's wire contract: the <c>default</c> stream, each event a
/// structured CloudEvent on <c>default.&lt;eventSource&gt;.&lt;event&gt;</c> with <c>Nats-Msg-Id</c> set to its id
/// (so the stream drops a replayed event), trace context in headers, and durable pull consumers named as Argo
/// names them.
/// </summary>
public sealed partial class EventBusClient : IAsyncDisposable
{
    /// <summary>NATS header carrying the W3C trace parent.</summary>
    public const string TraceParentHeader = "traceparent";

    /// <summary>NATS header carrying the W3C trace state.</summary>
    public const string TraceStateHeader = "tracestate";

    private readonly bool _ownsConnection;

    /// <summary>Uses an open connection; <paramref name="ownsConnection"/> decides whether disposal closes it.</summary>
    public EventBusClient(NatsConnection connection, bool ownsConnection = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        JetStream = new JetStreamContext(connection);
        KeyValue = new KeyValueContext(JetStream);
        _ownsConnection = ownsConnection;
    }

    /// <summary>The NATS connection.</summary>
    public NatsConnection Connection { get; }

    /// <summary>JetStream on that connection.</summary>
    public JetStreamContext JetStream { get; }

    /// <summary>Key-value buckets on that connection.</summary>
    public KeyValueContext KeyValue { get; }

    /// <summary>Connects with a connection string of comma-separated server URLs.</summary>
    public static async Task<EventBusClient> ConnectAsync(string connectionString, NatsOptions? template = null, CancellationToken cancellationToken = default)
    {
        var options = NatsConnectionString.Parse(connectionString, template);
        var connection = await NatsConnection.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        return new EventBusClient(connection, ownsConnection: true);
    }

    /// <summary>
    /// Creates the <c>default</c> stream, or brings an existing one to <paramref name="settings"/>. Whoever starts
    /// first creates it, as in Argo; a later start with other settings updates it.
    /// </summary>
    public Task<StreamInfo> EnsureStreamAsync(EventStreamSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return JetStream.CreateOrUpdateStreamAsync(settings.ToStreamConfig(), cancellationToken);
    }

    /// <summary>
    /// Publishes <paramref name="cloudEvent"/> and returns once JetStream has stored it. The event's trace context
    /// (its <c>traceparent</c> extension, or else the current activity's) rides along as headers.
    /// </summary>
    /// <exception cref="CloudEventValidationException">The event is not valid; the attribute at fault is named.</exception>
    public async Task<PubAck> PublishAsync(string eventSourceName, string eventName, CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var subject = ArgoWireNames.Subject(eventSourceName, eventName);
        if (!cloudEvent.TryGetTraceContext(out _) && Activity.Current is { } activity)
        {
            cloudEvent.SetTraceContext(activity);
        }

        cloudEvent.Validate();
        var headers = new NatsHeaders(2);
        if (cloudEvent.TryGetExtension(CloudEventTracing.TraceParentAttribute, out var traceParent))
        {
            headers.Add(TraceParentHeader, traceParent.ToString());
        }

        if (cloudEvent.TryGetExtension(CloudEventTracing.TraceStateAttribute, out var traceState))
        {
            headers.Add(TraceStateHeader, traceState.ToString());
        }

        var body = new ArrayBufferWriter<byte>(512);
        CloudEventJsonFormat.Serialize(cloudEvent, body);
        return await JetStream.PublishAsync(subject, body.WrittenMemory, new JetStreamPublishOptions { MsgId = cloudEvent.Id }, headers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates (or keeps) the durable pull consumer of one dependency of one trigger, named as Argo names it,
    /// filtered to the dependency's subject, with explicit acks, starting at new events.
    /// </summary>
    public async Task<PullConsumer> EnsureSensorConsumerAsync(string sensorName, string triggerName, string dependencyName, string eventSourceName, string eventName, CancellationToken cancellationToken = default)
    {
        var name = ArgoWireNames.ConsumerName(sensorName, triggerName, dependencyName);
        var config = new ConsumerConfig(name)
        {
            FilterSubject = ArgoWireNames.Subject(eventSourceName, eventName),
            AckPolicy = AckPolicy.Explicit,
            DeliverPolicy = DeliverPolicy.New,
        };
        await JetStream.CreateOrUpdateConsumerAsync(ArgoWireNames.StreamName, config, cancellationToken: cancellationToken).ConfigureAwait(false);
        return JetStream.GetPullConsumer(ArgoWireNames.StreamName, name);
    }

    /// <summary>Deletes the consumer of one dependency of one trigger; false when there was none.</summary>
    public Task<bool> DeleteSensorConsumerAsync(string sensorName, string triggerName, string dependencyName, CancellationToken cancellationToken = default)
        => JetStream.DeleteConsumerAsync(ArgoWireNames.StreamName, ArgoWireNames.ConsumerName(sensorName, triggerName, dependencyName), cancellationToken);

    /// <summary>Reads the CloudEvent a bus message carries.</summary>
    /// <exception cref="CloudEventValidationException">The body is not a valid structured CloudEvent.</exception>
    public static CloudEvent ReadEvent(JsMsg message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CloudEventJsonFormat.Parse(message.Data);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection)
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
