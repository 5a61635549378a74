namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>StripeEventSource</c>: Stripe webhooks.</summary>
public sealed record StripeEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Stripe;

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>createWebhook</c>: register the webhook with Stripe.</summary>
    [ManifestField("createWebhook")]
    public bool CreateWebhook { get; init; }

    /// <summary><c>apiKey</c>: the API key used to register the webhook.</summary>
    [ManifestField("apiKey")]
    public SecretKeySelector? ApiKey { get; init; }

    /// <summary><c>eventFilter</c>: the Stripe event types kept (all when empty).</summary>
    [ManifestField("eventFilter")]
    public IReadOnlyList<string> EventFilter { get; init; } = [];

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>namespace</c>: deprecated (older Argo read the API key Secret from this namespace); accepted and ignored.</summary>
    [ManifestField("namespace")]
    public string? DeprecatedNamespace { get; init; }
}
