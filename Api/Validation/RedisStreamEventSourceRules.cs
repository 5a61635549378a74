using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's redisStream rules: a host address, streams and valid TLS settings.</summary>
internal static class RedisStreamEventSourceRules
{
    public static void Check(RedisStreamEventSource source, ValidationScope scope)
    {
        scope.Require("hostAddress", source.HostAddress);
        scope.RequireItems("streams", source.Streams);
        if (source.MaxMsgCountPerRead is <= 0)
        {
            scope.Fail("maxMsgCountPerRead", $"must be positive, got {source.MaxMsgCountPerRead}");
        }

        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
    }
}
