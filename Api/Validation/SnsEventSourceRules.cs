using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's sns rules: a topic ARN, a region and a valid webhook.</summary>
internal static class SnsEventSourceRules
{
    public static void Check(SnsEventSource source, ValidationScope scope)
    {
        scope.Require("topicArn", source.TopicArn);
        scope.Require("region", source.Region);
        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
