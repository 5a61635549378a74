using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's slack rules: a token, a signing secret and a valid webhook.</summary>
internal static class SlackEventSourceRules
{
    public static void Check(SlackEventSource source, ValidationScope scope)
    {
        scope.Require("token", source.Token);
        scope.Require("signingSecret", source.SigningSecret);
        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
