using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Calendar;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>
/// Argo's <c>AMQPEventData</c>: the delivery's properties (contentType, contentEncoding, deliveryMode, priority,
/// correlationId, replyTo, expiration, messageId, timestamp as Go's <c>time.Time.String()</c>, type, appId), where it
/// came from (exchange, routingKey), the body and the spec's metadata (left out when empty). With <c>jsonBody</c> the
/// body is embedded as JSON, and a body that is not JSON cannot be written (Go's marshaller fails on it, so Argo drops
/// the message); without, the body is a Go <c>[]byte</c> and so a base64 string.
/// </summary>
internal static class AmqpPayload
{

    /// <summary>The payload, or null when <paramref name="jsonBody"/> is set and the body is not valid JSON.</summary>
    public static byte[]? TryBuild(AmqpDeliveryFacts delivery, ReadOnlySpan<byte> body, bool jsonBody, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(metadata);
        if (jsonBody && !JsonText.IsValid(body, JsonText.GoMaxDepth))
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>(body.Length + 512);
        WriteStringField(output, "{\"contentType\":"u8, delivery.ContentType);
        WriteStringField(output, ",\"contentEncoding\":"u8, delivery.ContentEncoding);
        WriteNumberField(output, ",\"deliveryMode\":"u8, delivery.DeliveryMode);
        WriteNumberField(output, ",\"priority\":"u8, delivery.Priority);
        WriteStringField(output, ",\"correlationId\":"u8, delivery.CorrelationId);
        WriteStringField(output, ",\"replyTo\":"u8, delivery.ReplyTo);
        WriteStringField(output, ",\"expiration\":"u8, delivery.Expiration);
        WriteStringField(output, ",\"messageId\":"u8, delivery.MessageId);
        WriteStringField(output, ",\"timestamp\":"u8, TimestampText(delivery.Timestamp));
        WriteStringField(output, ",\"type\":"u8, delivery.Type);
        WriteStringField(output, ",\"appId\":"u8, delivery.AppId);
        WriteStringField(output, ",\"exchange\":"u8, delivery.Exchange);
        WriteStringField(output, ",\"routingKey\":"u8, delivery.RoutingKey);
        GoJson.WriteRaw(output, ",\"body\":"u8);
        GoJson.WriteBody(output, body, jsonBody);

        GoJson.WriteMetadataField(output, metadata);

        GoJson.WriteRaw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The timestamp as Argo writes it: the Go client reads the AMQP timestamp as whole seconds since the epoch in the
    /// process's zone (UTC in a pod), and an absent one as Go's zero time.
    /// </summary>
    public static string TimestampText(long? unixSeconds) => unixSeconds is { } seconds
        ? GoTimeText.Format(DateTimeOffset.FromUnixTimeSeconds(seconds), TimeZoneInfo.Utc)
        : "0001-01-01 00:00:00 +0000 UTC";

    private static void WriteStringField(IBufferWriter<byte> output, ReadOnlySpan<byte> name, string? value)
    {
        GoJson.WriteRaw(output, name);
        GoJson.WriteString(output, value ?? string.Empty);
    }

    private static void WriteNumberField(IBufferWriter<byte> output, ReadOnlySpan<byte> name, int value)
    {
        GoJson.WriteRaw(output, name);
        GoJson.WriteRaw(output, Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
    }
}
