using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's bitbucket rules: at least one repository, events when hooks are to be created (credentials and a
/// webhook URL), and a valid webhook.
/// </summary>
internal static class BitbucketEventSourceRules
{
    public static void Check(BitbucketEventSource source, ValidationScope scope)
    {
        var hasDeprecatedRepository = !string.IsNullOrEmpty(source.DeprecatedOwner) && !string.IsNullOrEmpty(source.DeprecatedRepositorySlug);
        if (source.Repositories.Count == 0 && !hasDeprecatedRepository)
        {
            scope.Fail("repositories", "must list at least one repository (owner and repositorySlug)");
        }

        var hasCredentials = source.Auth is { OAuthToken: not null } or { Basic: { Username: not null, Password: not null } };
        if (hasCredentials && !string.IsNullOrEmpty(source.Webhook?.Url) && source.Events.Count == 0)
        {
            scope.Fail("events", "must list at least one event to create Bitbucket webhooks");
        }

        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
