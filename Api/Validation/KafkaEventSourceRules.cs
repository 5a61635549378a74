using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's kafka rules: brokers, a topic, a partition or a consumer group, and valid TLS, SASL and MSK IAM settings.</summary>
internal static class KafkaEventSourceRules
{
    public static void Check(KafkaEventSource source, ValidationScope scope)
    {
        scope.Require("url", source.Url);
        scope.Require("topic", source.Topic);
        if (string.IsNullOrEmpty(source.Partition) && source.ConsumerGroup is null)
        {
            scope.Fail("needs partition or consumerGroup");
        }

        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
        SaslConfigRules.Check(source.Sasl, scope.Field("sasl"));
        if (source.AwsMskIamAuth is not null)
        {
            scope.Field("awsMskIamAuth").Require("region", source.AwsMskIamAuth.Region);
        }
    }
}
