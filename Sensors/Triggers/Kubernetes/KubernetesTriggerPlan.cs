using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Artifacts;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>A checked <c>k8s</c> trigger spec: its source reader, operation and patch type.</summary>
internal sealed class KubernetesTriggerPlan : IDisposable
{
    private KubernetesTriggerPlan(StandardK8sTrigger spec, string fieldPath, TriggerSource source, KubernetesOperation operation, string patchType)
    {
        Spec = spec;
        FieldPath = fieldPath;
        Source = source;
        Operation = operation;
        PatchType = patchType;
    }

    /// <summary>The spec checked.</summary>
    public StandardK8sTrigger Spec { get; }

    /// <summary>Where the spec sits, e.g. <c>spec.triggers[0].template.k8s</c>.</summary>
    public string FieldPath { get; }

    /// <summary>Reads the object.</summary>
    public TriggerSource Source { get; }

    /// <summary>The operation.</summary>
    public KubernetesOperation Operation { get; }

    /// <summary>The patch content type, for <see cref="KubernetesOperation.Patch"/>.</summary>
    public string PatchType { get; }

    /// <summary>Whether <c>update</c> starts from the live object (Argo reads it only for that operation).</summary>
    public bool UsesLiveObject => Spec.LiveObject && Operation == KubernetesOperation.Update;

    /// <summary>Checks <paramref name="spec"/>.</summary>
    /// <exception cref="TriggerConfigurationException">Something in the spec cannot run; the message names the field.</exception>
    public static KubernetesTriggerPlan Create(StandardK8sTrigger? spec, string fieldPath, KubernetesConnection kubernetes, string sensorNamespace)
    {
        if (spec is null)
        {
            throw new TriggerConfigurationException($"{fieldPath} is required for a k8s trigger.");
        }

        var operation = spec.EffectiveOperation switch
        {
            "create" => KubernetesOperation.Create,
            "update" => KubernetesOperation.Update,
            "patch" => KubernetesOperation.Patch,
            "delete" => KubernetesOperation.Delete,
            var other => throw new TriggerConfigurationException(
                $"{fieldPath}.operation '{other}' is not a k8s trigger operation; use create (the default), update, patch or delete."),
        };
        var patchType = operation == KubernetesOperation.Patch
            ? KubernetesPatchTypes.Check(spec.PatchStrategy, $"{fieldPath}.patchStrategy")
            : KubernetesPatchTypes.Merge;
        var source = TriggerSource.Create(spec.Source, $"{fieldPath}.source", kubernetes, sensorNamespace);
        return new KubernetesTriggerPlan(spec, fieldPath, source, operation, patchType);
    }

    public void Dispose() => Source.Dispose();
}
