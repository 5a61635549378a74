using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's gerrit rules: projects, events, the base URL, credentials and a valid webhook.</summary>
internal static class GerritEventSourceRules
{
    public static void Check(GerritEventSource source, ValidationScope scope)
    {
        scope.RequireItems("projects", source.Projects);
        scope.RequireItems("events", source.Events);
        scope.Require("gerritBaseURL", source.GerritBaseUrl);
        if (scope.Require("auth", source.Auth))
        {
            BasicAuthRules.Check(source.Auth, scope.Field("auth"));
        }

        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
