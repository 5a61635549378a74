using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's pulsar rules: topics, a service URL and an exclusive or shared subscription. Unlike Argo's code, a
/// missing type is accepted and means exclusive, as Argo's field documentation says.
/// </summary>
internal static class PulsarEventSourceRules
{
    public static void Check(PulsarEventSource source, ValidationScope scope)
    {
        scope.RequireItems("topics", source.Topics);
        scope.Require("url", source.Url);
        if (!string.IsNullOrEmpty(source.Type) && source.Type is not "exclusive" and not "shared")
        {
            scope.Fail("type", $"must be exclusive or shared, got '{source.Type}'");
        }

        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
    }
}
