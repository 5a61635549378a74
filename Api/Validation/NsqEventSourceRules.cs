using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's nsq rules: a lookup address, a topic, a channel and valid TLS settings.</summary>
internal static class NsqEventSourceRules
{
    public static void Check(NsqEventSource source, ValidationScope scope)
    {
        scope.Require("hostAddress", source.HostAddress);
        scope.Require("topic", source.Topic);
        scope.Require("channel", source.Channel);
        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
    }
}
