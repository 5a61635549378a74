using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's webhook rules: the endpoint fields written beside the filter must form a valid webhook.</summary>
internal static class WebhookEventSourceRules
{
    public static void Check(WebhookEventSource source, ValidationScope scope) => WebhookContextRules.Check(source.Context, scope);
}
