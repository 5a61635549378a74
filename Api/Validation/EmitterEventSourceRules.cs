using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's emitter rules: a broker, a channel name and a channel key.</summary>
internal static class EmitterEventSourceRules
{
    public static void Check(EmitterEventSource source, ValidationScope scope)
    {
        scope.Require("broker", source.Broker);
        scope.Require("channelName", source.ChannelName);
        scope.Require("channelKey", source.ChannelKey);
        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
    }
}
