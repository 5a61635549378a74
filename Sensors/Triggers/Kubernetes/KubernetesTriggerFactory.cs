using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>Creates <c>k8s</c> triggers (Argo's standard Kubernetes trigger).</summary>
internal sealed class KubernetesTriggerFactory : ITriggerFactory
{
    public TriggerType Type => TriggerType.Kubernetes;

    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(fieldPath);
        ArgumentNullException.ThrowIfNull(services);
        var specPath = $"{fieldPath}.template.k8s";
        var kubernetes = new KubernetesConnection(services.Kubernetes, $"The k8s trigger at {fieldPath}");
        try
        {
            var plan = KubernetesTriggerPlan.Create(trigger.Template?.K8s, specPath, kubernetes, services.Namespace);
            return new KubernetesObjectTrigger(plan, kubernetes, services, trigger.Policy?.K8s, specPath);
        }
        catch
        {
            kubernetes.Dispose();
            throw;
        }
    }
}
