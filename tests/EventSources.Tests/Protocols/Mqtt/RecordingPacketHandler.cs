using ArgoEvents.EventSources.Protocols.Mqtt;

namespace ArgoEvents.EventSources.Tests.Protocols.Mqtt;

/// <summary>Writes down every packet the decoder hands over, as text, so tests compare whole sequences.</summary>
internal sealed class RecordingPacketHandler : IMqttPacketHandler
{
    public List<string> Packets { get; } = [];

    public List<byte[]> Payloads { get; } = [];

    public void OnConnAck(bool sessionPresent, MqttConnectReturnCode returnCode) => Packets.Add($"CONNACK sp={sessionPresent} rc={returnCode}");

    public void OnPublish(string topic, MqttQualityOfService qos, bool duplicate, bool retain, ushort packetId, byte[] payload)
    {
        Packets.Add($"PUBLISH {topic} qos={(int)qos} dup={duplicate} retain={retain} id={packetId} len={payload.Length}");
        Payloads.Add(payload);
    }

    public void OnPubAck(ushort packetId) => Packets.Add($"PUBACK {packetId}");

    public void OnSubAck(ushort packetId, ReadOnlySpan<byte> returnCodes) => Packets.Add($"SUBACK {packetId} [{string.Join(",", returnCodes.ToArray().Select(c => $"{c:X2}"))}]");

    public void OnUnsubAck(ushort packetId) => Packets.Add($"UNSUBACK {packetId}");

    public void OnPingResp() => Packets.Add("PINGRESP");
}
