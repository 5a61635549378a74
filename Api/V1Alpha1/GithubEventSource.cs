namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>GithubEventSource</c>: GitHub webhooks.</summary>
public sealed record GithubEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Github;

    /// <summary><c>id</c>: deprecated and unused.</summary>
    [ManifestField("id")]
    public long? DeprecatedId { get; init; }

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>owner</c>: deprecated: use <c>repositories</c>.</summary>
    [ManifestField("owner")]
    public string? DeprecatedOwner { get; init; }

    /// <summary><c>repository</c>: deprecated: use <c>repositories</c>.</summary>
    [ManifestField("repository")]
    public string? DeprecatedRepository { get; init; }

    /// <summary><c>events</c>: the GitHub events subscribed to (<c>*</c> for all).</summary>
    [ManifestField("events")]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary><c>apiToken</c>: the API token used to manage hooks.</summary>
    [ManifestField("apiToken")]
    public SecretKeySelector? ApiToken { get; init; }

    /// <summary><c>webhookSecret</c>: the HMAC secret deliveries are signed with.</summary>
    [ManifestField("webhookSecret")]
    public SecretKeySelector? WebhookSecret { get; init; }

    /// <summary><c>insecure</c>: skip TLS verification of deliveries.</summary>
    [ManifestField("insecure")]
    public bool Insecure { get; init; }

    /// <summary><c>active</c>: the hook delivers events.</summary>
    [ManifestField("active")]
    public bool Active { get; init; }

    /// <summary><c>contentType</c>: the delivery format: json or form.</summary>
    [ManifestField("contentType")]
    public string? ContentType { get; init; }

    /// <summary><c>githubBaseURL</c>: the API base URL (GitHub Enterprise).</summary>
    [ManifestField("githubBaseURL")]
    public string? GithubBaseUrl { get; init; }

    /// <summary><c>githubUploadURL</c>: the upload URL (GitHub Enterprise).</summary>
    [ManifestField("githubUploadURL")]
    public string? GithubUploadUrl { get; init; }

    /// <summary><c>deleteHookOnFinish</c>: remove the hooks when the event source stops.</summary>
    [ManifestField("deleteHookOnFinish")]
    public bool DeleteHookOnFinish { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>repositories</c>: the repositories to hook, by owner.</summary>
    [ManifestField("repositories")]
    public IReadOnlyList<OwnedRepositories> Repositories { get; init; } = [];

    /// <summary><c>organizations</c>: organizations to hook (instead of repositories).</summary>
    [ManifestField("organizations")]
    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary><c>githubApp</c>: GitHub App credentials (instead of an API token).</summary>
    [ManifestField("githubApp")]
    public GithubAppCreds? GithubApp { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
