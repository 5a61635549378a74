using ArgoEvents.Sensors.Artifacts;
using ArgoEvents.Sensors.Triggers.Kubernetes;
using ArgoWorkflowSpec = ArgoEvents.Api.V1Alpha1.ArgoWorkflowTrigger;

namespace ArgoEvents.Sensors.Triggers.ArgoWorkflow;

/// <summary>A checked <c>argoWorkflow</c> trigger spec: its source reader and operation.</summary>
internal sealed class ArgoWorkflowPlan : IDisposable
{
    private ArgoWorkflowPlan(ArgoWorkflowSpec spec, string fieldPath, TriggerSource source, ArgoWorkflowOperation operation)
    {
        Spec = spec;
        FieldPath = fieldPath;
        Source = source;
        Operation = operation;
    }

    /// <summary>The spec checked.</summary>
    public ArgoWorkflowSpec Spec { get; }

    /// <summary>Where the spec sits, e.g. <c>spec.triggers[0].template.argoWorkflow</c>.</summary>
    public string FieldPath { get; }

    /// <summary>Reads the Workflow (or, for <c>submit-from</c>, the template reference).</summary>
    public TriggerSource Source { get; }

    /// <summary>The operation.</summary>
    public ArgoWorkflowOperation Operation { get; }

    /// <summary>The operation as written in manifests, e.g. <c>submit-from</c>.</summary>
    public string OperationName => Spec.EffectiveOperation;

    /// <summary>Checks <paramref name="spec"/>.</summary>
    /// <exception cref="TriggerConfigurationException">Something in the spec cannot run here; the message names the field or setting.</exception>
    public static ArgoWorkflowPlan Create(ArgoWorkflowSpec? spec, string fieldPath, KubernetesConnection kubernetes, TriggerServices services)
    {
        if (spec is null)
        {
            throw new TriggerConfigurationException($"{fieldPath} is required for an argoWorkflow trigger.");
        }

        var operation = spec.EffectiveOperation switch
        {
            "submit" => ArgoWorkflowOperation.Submit,
            "submit-from" => ArgoWorkflowOperation.SubmitFrom,
            "resubmit" => ArgoWorkflowOperation.Resubmit,
            "retry" => ArgoWorkflowOperation.Retry,
            "resume" => ArgoWorkflowOperation.Resume,
            "suspend" => ArgoWorkflowOperation.Suspend,
            "terminate" => ArgoWorkflowOperation.Terminate,
            "stop" => ArgoWorkflowOperation.Stop,
            var other => throw new TriggerConfigurationException(
                $"{fieldPath}.operation '{other}' is not an argoWorkflow operation; use submit (the default), submit-from, resubmit, retry, resume, suspend, terminate or stop."),
        };

        if (spec.Args.Count > 0)
        {
            throw new TriggerConfigurationException(
                $"{fieldPath}.args ({string.Join(' ', spec.Args)}) cannot be honoured: they are extra arguments of the argo CLI, and this implementation talks to the Kubernetes API and the Argo Server directly instead of running the CLI. Remove args, or express them in the Workflow itself.");
        }

        if (operation != ArgoWorkflowOperation.Submit && services.ArgoServer is null)
        {
            throw new TriggerConfigurationException(
                $"{fieldPath}.operation '{spec.EffectiveOperation}' goes through the Argo Server, but none is configured: set Sensor:ArgoServer (environment variable ARGO_SERVER) to its address, and ARGO_TOKEN if it needs a bearer token.");
        }

        var source = TriggerSource.Create(spec.Source, $"{fieldPath}.source", kubernetes, services.Namespace);
        return new ArgoWorkflowPlan(spec, fieldPath, source, operation);
    }

    public void Dispose() => Source.Dispose();
}
