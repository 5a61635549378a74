namespace ArgoEvents.EventSources.Sources.BitbucketServer;

/// <summary>How a Bitbucket Server route treats deliveries, resolved from its spec.</summary>
/// <param name="WebhookSecret">The HMAC key deliveries must be signed with; null accepts unsigned ones.</param>
/// <param name="PullRequests">Set for <c>skipBranchRefsChangedOnOpenPR</c>: asks which commits have open pull requests.</param>
/// <param name="OneEventPerChange">Publishes one event per change of a push.</param>
/// <param name="Metadata">Copied into every payload.</param>
public sealed record BitbucketServerRouteOptions(
    byte[]? WebhookSecret,
    BitbucketServerPullRequests? PullRequests,
    bool OneEventPerChange,
    IReadOnlyDictionary<string, string> Metadata);
