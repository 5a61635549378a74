using System.Buffers;
using System.Globalization;
using System.Text;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Sources.Mqtt;

/// <summary>
/// Argo's <c>MQTTEventData</c>: <c>{"topic","messageId","body","metadata"}</c>, where <c>messageId</c> is the MQTT
/// packet id (0 for QoS 0). With <c>jsonBody</c> the body is embedded as JSON, and a body that is not JSON cannot be
/// written (Go's marshaller fails on it, so Argo drops the message); without, the body is a Go <c>[]byte</c> and so a
/// base64 string. The metadata is left out when empty.
/// </summary>
internal static class MqttPayload
{
    /// <summary>The payload, or null when <paramref name="jsonBody"/> is set and the body is not valid JSON.</summary>
    public static byte[]? TryBuild(string topic, int messageId, ReadOnlySpan<byte> body, bool jsonBody, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(metadata);
        if (jsonBody && !JsonText.IsValid(body, JsonText.GoMaxDepth))
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>(body.Length + topic.Length + 128);
        GoJson.WriteRaw(output, "{\"topic\":"u8);
        GoJson.WriteString(output, topic);
        GoJson.WriteRaw(output, ",\"messageId\":"u8);
        GoJson.WriteRaw(output, Encoding.ASCII.GetBytes(messageId.ToString(CultureInfo.InvariantCulture)));
        GoJson.WriteRaw(output, ",\"body\":"u8);
        GoJson.WriteBody(output, body, jsonBody);

        GoJson.WriteMetadataField(output, metadata);

        GoJson.WriteRaw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
