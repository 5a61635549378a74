using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.EventSources.Sources.Nats;

namespace ArgoEvents.EventSources.Sources.Mqtt;

/// <summary>What one mqtt event runs with, resolved from its spec and the service's settings.</summary>
internal sealed record MqttSourceOptions
{
    /// <summary>The default of <c>EventSource:Mqtt:RecentEvents</c>.</summary>
    public const int DefaultRecentEvents = 1000;

    /// <summary>The EventSource's name.</summary>
    public required string EventSourceName { get; init; }

    /// <summary>The event's name.</summary>
    public required string EventName { get; init; }

    /// <summary>Broker, client id, credentials, TLS, session kind and keep-alive of every connection.</summary>
    public required MqttOptions Connection { get; init; }

    /// <summary><c>topic</c>: the topic filter subscribed to.</summary>
    public required string Topic { get; init; }

    /// <summary><c>qos</c>: the subscription's QoS.</summary>
    public MqttQualityOfService Qos { get; init; } = MqttQualityOfService.AtMostOnce;

    /// <summary><c>jsonBody</c>.</summary>
    public bool JsonBody { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of every (re)connection.</summary>
    public ConnectionBackoff Backoff { get; init; } = ConnectionBackoff.Default;

    /// <summary><c>metadata</c>, copied into every payload.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>How many of this event's newest bus events are compared with redelivered messages (QoS 1 only).</summary>
    public int RecentEvents { get; init; } = DefaultRecentEvents;

    /// <summary>QoS 1 messages whose events may be on their way to the bus at once.</summary>
    public int PublishWindow { get; init; } = 256;

    /// <summary>The broker address without credentials, for messages.</summary>
    public string DisplayUrl => MqttBrokerAddress.Parse(Connection.Url).ToString();

    /// <summary>The user name the source logs in as, for messages; "(none)" when anonymous.</summary>
    public string DisplayUser => Connection.Username ?? "(none)";
}
