using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Kubernetes' naming rules for <c>metadata</c>: a DNS-1123 subdomain name and a DNS-1123 label namespace.</summary>
internal static class ObjectMetaRules
{
    public static void Check(ObjectMeta metadata, ValidationScope scope)
    {
        if (scope.Require("name", metadata.Name) && KubernetesNames.SubdomainProblem(metadata.Name!) is { } nameProblem)
        {
            scope.Fail("name", nameProblem);
        }

        if (!string.IsNullOrEmpty(metadata.Namespace) && KubernetesNames.LabelProblem(metadata.Namespace) is { } namespaceProblem)
        {
            scope.Fail("namespace", namespaceProblem);
        }
    }
}
