using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's stripe rules: an API key when the webhook is to be created, and a valid webhook.</summary>
internal static class StripeEventSourceRules
{
    public static void Check(StripeEventSource source, ValidationScope scope)
    {
        if (source.CreateWebhook && source.ApiKey is null)
        {
            scope.Fail("apiKey", "is required when createWebhook is true");
        }

        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
