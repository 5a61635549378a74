namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>
/// One PUBLISH received from the broker. A QoS 1 message stays unacknowledged, and the broker keeps it, until
/// <see cref="AckAsync"/>; with a persistent session (<see cref="MqttOptions.CleanSession"/> false) the broker
/// redelivers it on the next connection with <see cref="Duplicate"/> set and the same <see cref="PacketId"/>.
/// </summary>
public sealed class MqttMessage
{
    private readonly MqttConnection _connection;
    private int _acknowledged;

    internal MqttMessage(MqttConnection connection, string topic, MqttQualityOfService qos, bool duplicate, bool retain, ushort packetId, ReadOnlyMemory<byte> payload)
    {
        _connection = connection;
        Topic = topic;
        Qos = qos;
        Duplicate = duplicate;
        Retain = retain;
        PacketId = packetId;
        Payload = payload;
    }

    /// <summary>The topic the message was published to.</summary>
    public string Topic { get; }

    /// <summary>The QoS of this delivery: the lower of the publisher's and the subscription's.</summary>
    public MqttQualityOfService Qos { get; }

    /// <summary>The DUP flag: the broker may have delivered this message before (a redelivery after a reconnect).</summary>
    public bool Duplicate { get; }

    /// <summary>The RETAIN flag: a retained message sent because of a new subscription.</summary>
    public bool Retain { get; }

    /// <summary>
    /// The broker's packet identifier for a QoS 1 delivery (1..65535), 0 for QoS 0. A redelivery of an unacknowledged
    /// message keeps it; after an acknowledgement the broker may reuse it for another message.
    /// </summary>
    public ushort PacketId { get; }

    /// <summary>The application message.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Whether <see cref="AckAsync"/> was called (always true for QoS 0).</summary>
    public bool IsAcknowledged => Qos == MqttQualityOfService.AtMostOnce || Volatile.Read(ref _acknowledged) == 1;

    /// <summary>
    /// Acknowledges a QoS 1 message (PUBACK); does nothing for QoS 0 or when already acknowledged. PUBACKs leave in
    /// the order the messages arrived, as MQTT 3.1.1 (4.6) requires: acknowledging a message before an earlier one
    /// holds its PUBACK back until the earlier one is acknowledged too.
    /// </summary>
    /// <exception cref="MqttConnectionLostException">The connection that delivered the message is gone; a persistent session gets it redelivered.</exception>
    public ValueTask AckAsync(CancellationToken cancellationToken = default)
    {
        if (Qos == MqttQualityOfService.AtMostOnce || Interlocked.Exchange(ref _acknowledged, 1) == 1)
        {
            return ValueTask.CompletedTask;
        }

        return _connection.AcknowledgeAsync(this, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"MQTT message on '{Topic}' (QoS {(int)Qos}, packet {PacketId}{(Duplicate ? ", DUP" : string.Empty)}, {Payload.Length} bytes)";
}
