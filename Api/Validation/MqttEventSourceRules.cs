using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's mqtt rules: a broker URL, a topic, a client id, and valid TLS and auth settings.</summary>
internal static class MqttEventSourceRules
{
    public static void Check(MqttEventSource source, ValidationScope scope)
    {
        scope.Require("url", source.Url);
        scope.Require("topic", source.Topic);
        scope.Require("clientId", source.ClientId);
        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
        BasicAuthRules.Check(source.Auth, scope.Field("auth"));
    }
}
