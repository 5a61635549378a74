using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's mqtt rules: a broker URL, a topic, a client id, and valid TLS and auth settings; and this build's
/// <c>qos</c>, 0 or 1.
/// </summary>
internal static class MqttEventSourceRules
{
    public static void Check(MqttEventSource source, ValidationScope scope)
    {
        scope.Require("url", source.Url);
        scope.Require("topic", source.Topic);
        scope.Require("clientId", source.ClientId);
        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
        BasicAuthRules.Check(source.Auth, scope.Field("auth"));
        if (source.Qos is { } qos and not (0 or 1))
        {
            scope.Fail("qos", qos == 2
                ? "must be 0 or 1, got 2: QoS 2 (exactly once between broker and client) is not supported; use 1, whose duplicates the source recognises"
                : $"must be 0 or 1, got {qos}");
        }
    }
}
