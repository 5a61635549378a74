using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's gitlab rules: events, the base URL, an access token and a valid webhook.</summary>
internal static class GitlabEventSourceRules
{
    public static void Check(GitlabEventSource source, ValidationScope scope)
    {
        scope.RequireItems("events", source.Events);
        scope.Require("gitlabBaseURL", source.GitlabBaseUrl);
        scope.Require("accessToken", source.AccessToken);
        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
