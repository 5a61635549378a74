using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers.Kubernetes;

namespace ArgoEvents.Sensors.Triggers.ArgoWorkflow;

/// <summary>Creates <c>argoWorkflow</c> triggers.</summary>
internal sealed class ArgoWorkflowTriggerFactory : ITriggerFactory
{
    public TriggerType Type => TriggerType.ArgoWorkflow;

    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(fieldPath);
        ArgumentNullException.ThrowIfNull(services);
        var specPath = $"{fieldPath}.template.argoWorkflow";
        var kubernetes = new KubernetesConnection(services.Kubernetes, $"The argoWorkflow trigger at {fieldPath}");
        try
        {
            var plan = ArgoWorkflowPlan.Create(trigger.Template?.ArgoWorkflow, specPath, kubernetes, services);
            var argoServer = services.ArgoServer is { } server ? new ArgoServerClient(server, services.ArgoToken) : null;
            return new ArgoWorkflowOperationTrigger(plan, kubernetes, argoServer, services, trigger.Policy?.K8s, specPath);
        }
        catch
        {
            kubernetes.Dispose();
            throw;
        }
    }
}
