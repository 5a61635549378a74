using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's parameter rules: a source naming an existing dependency, a destination (optional only in an HTTP trigger's
/// payload, where an empty one means the whole body), and an operation of overwrite, append or prepend.
/// </summary>
internal static class TriggerParameterRules
{
    private static readonly string[] Operations = ["overwrite", "append", "prepend"];

    /// <summary>
    /// Checks each parameter; <paramref name="dependencyRewritten"/> tells, by index, whether another parameter
    /// overwrites that one's dependency name before it is used, so the name written is not looked up.
    /// </summary>
    public static void CheckAll(
        IReadOnlyList<TriggerParameter> parameters, DependencyNames dependencies, ValidationScope scope, bool destRequired, Func<int, bool>? dependencyRewritten = null)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            Check(parameters[i], dependencies, scope.Index(i), destRequired, dependencyRewritten?.Invoke(i) ?? false);
        }
    }

    private static void Check(TriggerParameter parameter, DependencyNames dependencies, ValidationScope scope, bool destRequired, bool dependencyRewritten)
    {
        if (scope.Require("src", parameter.Src))
        {
            var src = scope.Field("src");
            if (src.Require("dependencyName", parameter.Src!.DependencyName) && !dependencyRewritten && !dependencies.Contains(parameter.Src.DependencyName!))
            {
                src.Fail("dependencyName", $"names '{parameter.Src.DependencyName}', which is not a dependency of this Sensor");
            }
        }

        if (destRequired)
        {
            scope.Require("dest", parameter.Dest);
        }

        if (!string.IsNullOrEmpty(parameter.Operation) && !Operations.Contains(parameter.Operation))
        {
            scope.Fail("operation", $"must be one of {string.Join(", ", Operations)}, got '{parameter.Operation}'");
        }
    }
}
