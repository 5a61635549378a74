using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's storageGrid rules: a topic ARN, the API URL and token, a bucket, events and a valid webhook.</summary>
internal static class StorageGridEventSourceRules
{
    public static void Check(StorageGridEventSource source, ValidationScope scope)
    {
        scope.Require("topicArn", source.TopicArn);
        scope.Require("apiURL", source.ApiUrl);
        scope.Require("authToken", source.AuthToken);
        scope.Require("bucket", source.Bucket);
        scope.RequireItems("events", source.Events);
        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
        WebhookContextRules.Check(source.Webhook, scope.Field("webhook"));
    }
}
