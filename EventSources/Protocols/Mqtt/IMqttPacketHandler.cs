namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>Receives the packets <see cref="MqttPacketDecoder"/> takes off the wire, already checked against MQTT 3.1.1.</summary>
internal interface IMqttPacketHandler
{
    void OnConnAck(bool sessionPresent, MqttConnectReturnCode returnCode);

    /// <summary>A PUBLISH; <paramref name="packetId"/> is 0 for QoS 0. The payload is a copy the handler may keep.</summary>
    void OnPublish(string topic, MqttQualityOfService qos, bool duplicate, bool retain, ushort packetId, byte[] payload);

    void OnPubAck(ushort packetId);

    void OnSubAck(ushort packetId, ReadOnlySpan<byte> returnCodes);

    void OnUnsubAck(ushort packetId);

    void OnPingResp();
}
