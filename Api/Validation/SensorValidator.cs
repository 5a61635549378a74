using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's Sensor rules: a Kubernetes name, at least one dependency and one trigger, each dependency and trigger valid,
/// and every reference from a trigger to a dependency (conditions, parameters) pointing at one that exists.
/// </summary>
internal static class SensorValidator
{
    public static IReadOnlyList<ManifestError> Validate(Sensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        var errors = new List<ManifestError>();
        var root = new ValidationScope(sensor.Source, errors, FieldPath.Root);
        ObjectMetaRules.Check(sensor.Metadata, root.Field("metadata"));

        var spec = root.Field("spec");
        if (!string.IsNullOrEmpty(sensor.Spec.EventBusName) && KubernetesNames.SubdomainProblem(sensor.Spec.EventBusName) is { } busProblem)
        {
            spec.Fail("eventBusName", busProblem);
        }

        var dependencies = EventDependencyRules.CheckAll(sensor.Spec.Dependencies, spec.Field("dependencies"));
        if (spec.RequireItems("triggers", sensor.Spec.Triggers))
        {
            TriggerRules.CheckAll(sensor.Spec.Triggers, dependencies, spec.Field("triggers"));
        }

        return errors;
    }
}
