using System.Globalization;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Nats;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Mqtt;

/// <summary>
/// The <c>mqtt</c> type (MQTT 3.1.1 over TCP): <c>url</c> (<c>tcp://</c> or <c>mqtt://</c> plain, default port 1883;
/// <c>ssl://</c>, <c>tls://</c> or <c>mqtts://</c> TLS, default port 8883), <c>topic</c> (a topic filter; wildcards
/// allowed), <c>clientId</c> (required: the broker's session is found by it, which is why the type runs on the leader
/// only), <c>auth</c> (username and password from secrets), <c>tls</c> (<c>caCertSecret</c>,
/// <c>clientCertSecret</c>/<c>clientKeySecret</c>, <c>insecureSkipVerify</c>; a <c>tls</c> block turns TLS on even with
/// a <c>tcp://</c> URL), <c>jsonBody</c>, <c>connectionBackoff</c> and <c>metadata</c>. Keep-alive is 30 s.
/// <para>
/// This build adds <c>qos</c> (0 or 1, default 0; QoS 2 is refused). QoS 0 subscribes with a clean session, as Argo
/// does: what arrives while no leader is connected is lost. QoS 1 keeps a persistent session (clean session off)
/// under <c>clientId</c>, so every replica that becomes leader resumes it: the broker queues messages while nobody is
/// connected and redelivers what the previous leader left unacknowledged; a message is acknowledged only once the bus
/// stored its event, and redeliveries already on the bus are recognised and not published again (see
/// <see cref="MqttSource"/>). Give every replica the same <c>clientId</c>, and no other client that one. The
/// subscription is renewed on every connection (so a changed <c>topic</c> takes effect), and MQTT has the broker send
/// the topic's retained messages again then, as it does to Argo's client on every reconnect: publishers that need
/// each message once should not retain them.
/// </para>
/// <para>
/// The service setting <c>EventSource:Mqtt:RecentEvents</c> (a positive integer, default 1000) is how many of the
/// event's newest bus events a QoS 1 source reads on resuming a session to recognise redeliveries; it should exceed
/// the messages that can be unacknowledged at a crash (the broker's in-flight and queued limits per client).
/// </para>
/// </summary>
public sealed class MqttSourceFactory : ISourceFactory
{
    /// <summary>The setting naming how many recent events a resumed QoS 1 session compares redeliveries with.</summary>
    public const string RecentEventsKey = "EventSource:Mqtt:RecentEvents";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Mqtt;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (MqttEventSource)source.Source;
        var field = $"spec.mqtt.{source.Name}";

        var url = string.IsNullOrEmpty(spec.Url) ? throw new InvalidOperationException($"{field}.url is required.") : spec.Url;
        try
        {
            MqttBrokerAddress.Parse(url);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{field}.url: {e.Message}", e);
        }

        var topic = string.IsNullOrEmpty(spec.Topic) ? throw new InvalidOperationException($"{field}.topic is required.") : spec.Topic;
        if (MqttTopic.DescribeFilterError(topic) is { } problem)
        {
            throw new InvalidOperationException($"{field}.topic: '{topic}' is not a valid MQTT topic filter: {problem}.");
        }

        var clientId = string.IsNullOrEmpty(spec.ClientId) ? throw new InvalidOperationException($"{field}.clientId is required.") : spec.ClientId;
        var qos = spec.Qos switch
        {
            null or 0 => MqttQualityOfService.AtMostOnce,
            1 => MqttQualityOfService.AtLeastOnce,
            2 => throw new InvalidOperationException($"{field}.qos: QoS 2 is not supported; use 0 (Argo's) or 1 (acknowledged after the bus stored the event, duplicates recognised)."),
            var other => throw new InvalidOperationException($"{field}.qos: must be 0 or 1, got {other}."),
        };

        string? username = null;
        string? password = null;
        if (spec.Auth is { } auth)
        {
            username = context.Secrets.Resolve(auth.Username, $"{field}.auth.username") ?? throw new InvalidOperationException($"{field}.auth.username is required.");
            password = context.Secrets.Resolve(auth.Password, $"{field}.auth.password") ?? throw new InvalidOperationException($"{field}.auth.password is required.");
        }

        var connection = new MqttOptions
        {
            Url = url,
            ClientId = clientId,
            CleanSession = qos == MqttQualityOfService.AtMostOnce,
            KeepAlive = KeepAlive,
            Username = username,
            Password = password,
            Tls = spec.Tls is { } tls ? MqttTls.Create(tls, context.Secrets, field) : null,
        };
        try
        {
            connection.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{field}: {e.Message}", e);
        }

        var options = new MqttSourceOptions
        {
            EventSourceName = context.EventSourceName,
            EventName = source.Name,
            Connection = connection,
            Topic = topic,
            Qos = qos,
            JsonBody = spec.JsonBody,
            Backoff = ConnectionBackoff.From(spec.ConnectionBackoff),
            Metadata = spec.Metadata,
            RecentEvents = RecentEvents(context),
        };
        return SourceParts.FromActive(new MqttSource(options, context.Dispatcher, context.Bus, context.Metrics, context.Time, context.LoggerFactory.CreateLogger<MqttSource>()));
    }

    private static int RecentEvents(SourceContext context)
    {
        var text = context.Configuration[RecentEventsKey];
        if (string.IsNullOrEmpty(text))
        {
            return MqttSourceOptions.DefaultRecentEvents;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new InvalidOperationException($"{RecentEventsKey}: '{text}' is not a positive whole number of events.");
    }
}
