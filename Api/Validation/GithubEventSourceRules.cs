using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's github rules: repositories or organizations (not both), events when hooks are to be created, a json or
/// form content type, both Enterprise URLs or neither, and a valid webhook.
/// </summary>
internal static class GithubEventSourceRules
{
    public static void Check(GithubEventSource source, ValidationScope scope)
    {
        var hasRepositories = source.Repositories.Count > 0
            || (!string.IsNullOrEmpty(source.DeprecatedOwner) && !string.IsNullOrEmpty(source.DeprecatedRepository));
        var hasOrganizations = source.Organizations.Count > 0;
        if (hasRepositories == hasOrganizations)
        {
            scope.Fail(hasRepositories ? "must not have both repositories and organizations" : "needs repositories or organizations");
        }

        var hasCredentials = source.ApiToken is not null || source.GithubApp?.PrivateKey is not null;
        if (hasCredentials && !string.IsNullOrEmpty(source.Webhook?.Url) && source.Events.Count == 0)
        {
            scope.Fail("events", "must list at least one event to create GitHub webhooks");
        }

        if (!string.IsNullOrEmpty(source.ContentType) && source.ContentType is not "json" and not "form")
        {
            scope.Fail("contentType", $"must be json or form, got '{source.ContentType}'");
        }

        var hasBaseUrl = !string.IsNullOrEmpty(source.GithubBaseUrl);
        if (hasBaseUrl != !string.IsNullOrEmpty(source.GithubUploadUrl))
        {
            // Setting only one of them would send the other kind of request to public GitHub.
            scope.Fail(hasBaseUrl ? "githubUploadURL" : "githubBaseURL", hasBaseUrl
                ? "is required when githubBaseURL is set"
                : "is required when githubUploadURL is set");
        }

        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
