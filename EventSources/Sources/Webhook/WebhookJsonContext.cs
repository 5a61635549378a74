using System.Text.Json.Serialization;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>Source-generated JSON metadata for the webhook source.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
