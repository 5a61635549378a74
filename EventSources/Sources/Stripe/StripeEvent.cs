using System.Buffers;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Sources.Stripe;

/// <summary>
/// A Stripe event as Argo publishes it: read into stripe-go's <c>Event</c> struct and written back, so the event
/// keeps <c>account, api_version, created, data{previous_attributes, object}, id, livemode, pending_webhooks,
/// request{id, idempotency_key}, type</c> in that order, with Go's zero values for what Stripe left out.
/// </summary>
internal static class StripeEvent
{
    private static readonly GoJsonShape Shape = GoJsonShape.Struct(
        new("account", GoJsonShape.String),
        new("api_version", GoJsonShape.String),
        new("created", GoJsonShape.Int),
        new("data", GoJsonShape.PointerTo(GoJsonShape.Struct(
            new("previous_attributes", GoJsonShape.AnyMap),
            new("object", GoJsonShape.RawObject)))),
        new("id", GoJsonShape.String),
        new("livemode", GoJsonShape.Bool),
        new("pending_webhooks", GoJsonShape.Int),
        new("request", GoJsonShape.PointerTo(GoJsonShape.Struct(
            new("id", GoJsonShape.String),
            new("idempotency_key", GoJsonShape.String)))),
        new("type", GoJsonShape.String));

    /// <summary>Writes Argo's <c>{"event":...,"metadata":...}</c> for the event object <paramref name="stripeEvent"/>.</summary>
    /// <exception cref="JsonException">stripe-go could not read the event; the message names the member.</exception>
    public static byte[] Payload(JsonElement stripeEvent, IReadOnlyDictionary<string, string> metadata, int sizeHint)
    {
        if (stripeEvent.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"event: expected a JSON object, found {stripeEvent.ValueKind}");
        }

        var output = new ArrayBufferWriter<byte>(sizeHint + 256);
        GoJsonWriter.Raw(output, "{\"event\":"u8);
        Shape.Write(output, stripeEvent, "event");
        GoJsonWriter.Metadata(output, metadata);
        GoJsonWriter.Raw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
