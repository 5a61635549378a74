using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers.Kubernetes;

namespace ArgoEvents.Sensors.Triggers.ArgoWorkflow;

/// <summary>
/// The <c>argoWorkflow</c> trigger. Argo runs the argo CLI; this speaks the APIs the CLI speaks: <c>submit</c> creates
/// the Workflow through the Kubernetes API, labelled like Argo's, and the other operations go to the Argo Server.
/// The Workflow's name and namespace come from the object after the parameters (namespace defaulting to the
/// sensor's); afterwards <c>policy.k8s</c> waits for labels on the Workflow the action produced.
/// </summary>
internal sealed class ArgoWorkflowOperationTrigger : ITrigger
{
    private static readonly KubernetesResourceType Workflows = new("argoproj.io", "v1alpha1", "workflows", "Workflow", Namespaced: true);
    private readonly ArgoWorkflowPlan _plan;
    private readonly KubernetesConnection _kubernetes;
    private readonly ArgoServerClient? _argoServer;
    private readonly TriggerServices _services;
    private readonly K8sResourcePolicy? _policy;
    private readonly string _specPath;

    public ArgoWorkflowOperationTrigger(
        ArgoWorkflowPlan plan, KubernetesConnection kubernetes, ArgoServerClient? argoServer, TriggerServices services, K8sResourcePolicy? policy, string specPath)
    {
        _plan = plan;
        _kubernetes = kubernetes;
        _argoServer = argoServer;
        _services = services;
        _policy = policy;
        _specPath = specPath;
    }

    public async ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (ReferenceEquals(invocation.Template.ArgoWorkflow, _plan.Spec))
        {
            await RunAsync(_plan, invocation, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The trigger-level parameters rewrote the template: check the spec they produced.
        ArgoWorkflowPlan plan;
        try
        {
            plan = ArgoWorkflowPlan.Create(invocation.Template.ArgoWorkflow, _specPath, _kubernetes, _services);
        }
        catch (TriggerConfigurationException e)
        {
            throw new TriggerExecutionException($"After the trigger's parameters were applied to its template: {e.Message}", e);
        }

        using (plan)
        {
            await RunAsync(plan, invocation, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _plan.Dispose();
        _argoServer?.Dispose();
        _kubernetes.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RunAsync(ArgoWorkflowPlan plan, TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var origin = $"the object from {plan.Source.FieldPath}";
        var json = await plan.Source.ReadAsync(cancellationToken).ConfigureAwait(false);
        json = ResourceParameters.Apply(json, plan.Spec.Parameters, invocation.Events, $"{plan.FieldPath}.parameters");
        var resource = KubernetesObject.Parse(json, origin);
        var name = KubernetesObject.Metadata(resource, "name");
        if (name is null && plan.Operation != ArgoWorkflowOperation.Submit)
        {
            throw new TriggerExecutionException($"The argoWorkflow {plan.OperationName} operation needs metadata.name, and {origin} has none.");
        }

        var @namespace = KubernetesObject.Metadata(resource, "namespace") ?? _services.Namespace;
        var result = plan.Operation switch
        {
            ArgoWorkflowOperation.Submit => await SubmitAsync(resource, @namespace, name, invocation.Template.Name, origin, cancellationToken).ConfigureAwait(false),
            ArgoWorkflowOperation.SubmitFrom => await SubmitFromAsync(resource, @namespace, name!, origin, cancellationToken).ConfigureAwait(false),
            _ => await ArgoServer(plan).ActAsync(@namespace, name!, plan.OperationName, cancellationToken).ConfigureAwait(false),
        };

        if (_policy is { Labels.Count: > 0 })
        {
            var workflowName = KubernetesObject.Metadata(result, "name") ?? name ?? string.Empty;
            var workflowNamespace = KubernetesObject.Metadata(result, "namespace") ?? @namespace;
            var client = _kubernetes.Client;
            await KubernetesLabelPolicy.ApplyAsync(
                _policy,
                token => client.GetAsync(Workflows, workflowNamespace, workflowName, token),
                $"the Workflow {workflowNamespace}/{workflowName}",
                _services.Time,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> SubmitAsync(JsonObject resource, string @namespace, string? name, string? triggerName, string origin, CancellationToken cancellationToken)
    {
        if (name is null && KubernetesObject.Metadata(resource, "generateName") is null)
        {
            throw new TriggerExecutionException($"Cannot submit {origin}: it has neither metadata.name nor metadata.generateName.");
        }

        var apiVersion = KubernetesObject.Text(resource, "apiVersion");
        var kind = KubernetesObject.Text(resource, "kind");
        if ((apiVersion ?? Workflows.ApiVersion) != Workflows.ApiVersion || (kind ?? Workflows.Kind) != Workflows.Kind)
        {
            throw new TriggerExecutionException(
                $"Cannot submit {origin}: it is a {kind} of {apiVersion}, not an {Workflows.ApiVersion} Workflow. To run a WorkflowTemplate or CronWorkflow, use operation submit-from.");
        }

        resource["apiVersion"] = Workflows.ApiVersion;
        resource["kind"] = Workflows.Kind;
        KubernetesObject.SetMetadata(resource, "namespace", @namespace);
        KubernetesObject.AddLabels(resource, KubernetesObject.TriggerLabels(_services.SensorName, triggerName, _services.Time));
        return await _kubernetes.Client.CreateAsync(Workflows, @namespace, resource, cancellationToken).ConfigureAwait(false);
    }

    private Task<JsonObject> SubmitFromAsync(JsonObject resource, string @namespace, string name, string origin, CancellationToken cancellationToken)
    {
        var kind = KubernetesObject.Text(resource, "kind");
        var resourceKind = kind?.ToLowerInvariant() switch
        {
            "workflowtemplate" => "WorkflowTemplate",
            "cronworkflow" => "CronWorkflow",
            _ => throw new TriggerExecutionException(
                $"submit-from needs a WorkflowTemplate or CronWorkflow, but {origin} is of kind '{kind}'."),
        };
        return ArgoServer(_plan).SubmitFromAsync(@namespace, resourceKind, name, cancellationToken);
    }

    private ArgoServerClient ArgoServer(ArgoWorkflowPlan plan) =>
        _argoServer ?? throw new TriggerExecutionException(
            $"{plan.FieldPath}.operation '{plan.OperationName}' goes through the Argo Server, but none is configured: set Sensor:ArgoServer (environment variable ARGO_SERVER).");
}
