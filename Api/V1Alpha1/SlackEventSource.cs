namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SlackEventSource</c>: Slack Events API, interactions and slash commands.</summary>
public sealed record SlackEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Slack;

    /// <summary><c>signingSecret</c>: the app signing secret.</summary>
    [ManifestField("signingSecret")]
    public SecretKeySelector? SigningSecret { get; init; }

    /// <summary><c>token</c>: the verification token.</summary>
    [ManifestField("token")]
    public SecretKeySelector? Token { get; init; }

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
