using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's amqp rules: exactly one of url and urlSecret, a routing key and an exchange type.</summary>
internal static class AmqpEventSourceRules
{
    public static void Check(AmqpEventSource source, ValidationScope scope)
    {
        var hasUrl = !string.IsNullOrEmpty(source.Url);
        if (hasUrl == source.UrlSecret is not null)
        {
            scope.Fail(hasUrl ? "must not have both url and urlSecret" : "needs url or urlSecret");
        }

        scope.Require("routingKey", source.RoutingKey);
        scope.Require("exchangeType", source.ExchangeType);
        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
        BasicAuthRules.Check(source.Auth, scope.Field("auth"));
    }
}
