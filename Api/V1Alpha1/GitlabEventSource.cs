namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>GitlabEventSource</c>: GitLab webhooks.</summary>
public sealed record GitlabEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Gitlab;

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>projectID</c>: deprecated: use <c>projects</c>.</summary>
    [ManifestField("projectID")]
    public string? DeprecatedProjectId { get; init; }

    /// <summary><c>events</c>: the GitLab hook events, such as <c>PushEvents</c>.</summary>
    [ManifestField("events")]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary><c>accessToken</c>: the API token used to manage hooks.</summary>
    [ManifestField("accessToken")]
    public SecretKeySelector? AccessToken { get; init; }

    /// <summary><c>enableSSLVerification</c>: GitLab verifies the TLS certificate of deliveries.</summary>
    [ManifestField("enableSSLVerification")]
    public bool EnableSslVerification { get; init; }

    /// <summary><c>gitlabBaseURL</c>: the GitLab base URL.</summary>
    [ManifestField("gitlabBaseURL")]
    public string? GitlabBaseUrl { get; init; }

    /// <summary><c>deleteHookOnFinish</c>: remove the hooks when the event source stops.</summary>
    [ManifestField("deleteHookOnFinish")]
    public bool DeleteHookOnFinish { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>projects</c>: project ids or paths to hook.</summary>
    [ManifestField("projects")]
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary><c>secretToken</c>: the token GitLab sends in <c>X-Gitlab-Token</c>.</summary>
    [ManifestField("secretToken")]
    public SecretKeySelector? SecretToken { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>groups</c>: group ids or names to hook.</summary>
    [ManifestField("groups")]
    public IReadOnlyList<string> Groups { get; init; } = [];
}
