namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>BitbucketServerEventSource</c>: Bitbucket Server (Data Center) webhooks.</summary>
public sealed record BitbucketServerEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.BitbucketServer;

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>projectKey</c>: deprecated: use <c>repositories</c>.</summary>
    [ManifestField("projectKey")]
    public string? DeprecatedProjectKey { get; init; }

    /// <summary><c>repositorySlug</c>: deprecated: use <c>repositories</c>.</summary>
    [ManifestField("repositorySlug")]
    public string? DeprecatedRepositorySlug { get; init; }

    /// <summary><c>projects</c>: projects whose repositories all get the hook.</summary>
    [ManifestField("projects")]
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary><c>repositories</c>: the repositories to hook.</summary>
    [ManifestField("repositories")]
    public IReadOnlyList<BitbucketServerRepository> Repositories { get; init; } = [];

    /// <summary><c>events</c>: the events subscribed to, such as <c>repo:refs_changed</c>.</summary>
    [ManifestField("events")]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary><c>skipBranchRefsChangedOnOpenPR</c>: ignore branch ref changes that belong to an open pull request.</summary>
    [ManifestField("skipBranchRefsChangedOnOpenPR")]
    public bool SkipBranchRefsChangedOnOpenPR { get; init; }

    /// <summary><c>oneEventPerChange</c>: publish one event per change of a refs_changed payload.</summary>
    [ManifestField("oneEventPerChange")]
    public bool OneEventPerChange { get; init; }

    /// <summary><c>accessToken</c>: the API token used to manage hooks.</summary>
    [ManifestField("accessToken")]
    public SecretKeySelector? AccessToken { get; init; }

    /// <summary><c>webhookSecret</c>: the HMAC secret of the hook.</summary>
    [ManifestField("webhookSecret")]
    public SecretKeySelector? WebhookSecret { get; init; }

    /// <summary><c>bitbucketserverBaseURL</c>: the REST API base URL.</summary>
    [ManifestField("bitbucketserverBaseURL")]
    public string? BitbucketServerBaseUrl { get; init; }

    /// <summary><c>deleteHookOnFinish</c>: remove the hooks when the event source stops.</summary>
    [ManifestField("deleteHookOnFinish")]
    public bool DeleteHookOnFinish { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>checkInterval</c>: how often the hooks are checked (default 1m).</summary>
    [ManifestField("checkInterval")]
    public GoDuration? CheckInterval { get; init; }
}
