namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>BitbucketEventSource</c>: Bitbucket Cloud webhooks.</summary>
public sealed record BitbucketEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Bitbucket;

    /// <summary><c>deleteHookOnFinish</c>: remove the hooks when the event source stops.</summary>
    [ManifestField("deleteHookOnFinish")]
    public bool DeleteHookOnFinish { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>auth</c>: credentials used to manage hooks.</summary>
    [ManifestField("auth")]
    public BitbucketAuth? Auth { get; init; }

    /// <summary><c>events</c>: the Bitbucket events subscribed to, such as <c>repo:push</c>.</summary>
    [ManifestField("events")]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary><c>owner</c>: deprecated: use <c>repositories</c>.</summary>
    [ManifestField("owner")]
    public string? DeprecatedOwner { get; init; }

    /// <summary><c>projectKey</c>: deprecated: use <c>repositories</c>.</summary>
    [ManifestField("projectKey")]
    public string? DeprecatedProjectKey { get; init; }

    /// <summary><c>repositorySlug</c>: deprecated: use <c>repositories</c>.</summary>
    [ManifestField("repositorySlug")]
    public string? DeprecatedRepositorySlug { get; init; }

    /// <summary><c>repositories</c>: the repositories to hook.</summary>
    [ManifestField("repositories")]
    public IReadOnlyList<BitbucketRepository> Repositories { get; init; } = [];

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
