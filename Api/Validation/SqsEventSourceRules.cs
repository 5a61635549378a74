using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's sqs rules: a region and a queue.</summary>
internal static class SqsEventSourceRules
{
    public static void Check(SqsEventSource source, ValidationScope scope)
    {
        scope.Require("region", source.Region);
        scope.Require("queue", source.Queue);
    }
}
