using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's generic rule: the gRPC server URL.</summary>
internal static class GenericEventSourceRules
{
    public static void Check(GenericEventSource source, ValidationScope scope) => scope.Require("url", source.Url);
}
