using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's bitbucketserver rules: a project or a repository, events when hooks are to be created, the server URL,
/// and a valid webhook.
/// </summary>
internal static class BitbucketServerEventSourceRules
{
    public static void Check(BitbucketServerEventSource source, ValidationScope scope)
    {
        var hasDeprecatedRepository = !string.IsNullOrEmpty(source.DeprecatedProjectKey) && !string.IsNullOrEmpty(source.DeprecatedRepositorySlug);
        var hasTargets = source.Repositories.Count > 0 || hasDeprecatedRepository || source.Projects.Count > 0;
        if (!hasTargets)
        {
            scope.Fail("needs at least one of projects or repositories");
        }

        var createsHooks = source.AccessToken is not null && !string.IsNullOrEmpty(source.Webhook?.Url) && hasTargets;
        if (createsHooks && source.Events.Count == 0)
        {
            scope.Fail("events", "must list at least one event to create Bitbucket Server webhooks");
        }

        scope.Require("bitbucketserverBaseURL", source.BitbucketServerBaseUrl);
        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
