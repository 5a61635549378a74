using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's redis rules: a host address, channels, a namespace for the password Secret, and valid TLS settings.</summary>
internal static class RedisEventSourceRules
{
    public static void Check(RedisEventSource source, ValidationScope scope)
    {
        scope.Require("hostAddress", source.HostAddress);
        scope.RequireItems("channels", source.Channels);
        if (source.Password is not null && string.IsNullOrEmpty(source.Namespace))
        {
            scope.Fail("namespace", "is required to read the password Secret");
        }

        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
    }
}
