using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's mns rules: a queue and an endpoint.</summary>
internal static class MnsEventSourceRules
{
    public static void Check(MnsEventSource source, ValidationScope scope)
    {
        scope.Require("queue", source.Queue);
        scope.Require("endpoint", source.Endpoint);
    }
}
