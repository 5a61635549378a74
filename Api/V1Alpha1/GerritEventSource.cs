namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>GerritEventSource</c>: Gerrit webhooks.</summary>
public sealed record GerritEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Gerrit;

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>hookName</c>: the hook name.</summary>
    [ManifestField("hookName")]
    public string? HookName { get; init; }

    /// <summary><c>events</c>: the Gerrit events subscribed to.</summary>
    [ManifestField("events")]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary><c>auth</c>: credentials used to manage hooks.</summary>
    [ManifestField("auth")]
    public BasicAuth? Auth { get; init; }

    /// <summary><c>gerritBaseURL</c>: the Gerrit base URL.</summary>
    [ManifestField("gerritBaseURL")]
    public string? GerritBaseUrl { get; init; }

    /// <summary><c>deleteHookOnFinish</c>: remove the hooks when the event source stops.</summary>
    [ManifestField("deleteHookOnFinish")]
    public bool DeleteHookOnFinish { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>projects</c>: the projects to hook.</summary>
    [ManifestField("projects")]
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary><c>sslVerify</c>: verify the Gerrit TLS certificate.</summary>
    [ManifestField("sslVerify")]
    public bool SslVerify { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>maxTries</c>: delivery attempts of the hook.</summary>
    [ManifestField("maxTries")]
    public long? MaxTries { get; init; }
}
