using System.Text;
using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>
/// The <c>k8s</c> trigger: reads its object from the source, applies the parameters, then creates, updates, patches or
/// deletes it through the Kubernetes API, and finally waits for <c>policy.k8s</c> labels on the result.
/// </summary>
internal sealed class KubernetesObjectTrigger : ITrigger
{
    private readonly KubernetesTriggerPlan _plan;
    private readonly KubernetesConnection _kubernetes;
    private readonly TriggerServices _services;
    private readonly K8sResourcePolicy? _policy;
    private readonly string _specPath;

    public KubernetesObjectTrigger(KubernetesTriggerPlan plan, KubernetesConnection kubernetes, TriggerServices services, K8sResourcePolicy? policy, string specPath)
    {
        _plan = plan;
        _kubernetes = kubernetes;
        _services = services;
        _policy = policy;
        _specPath = specPath;
    }

    public async ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (ReferenceEquals(invocation.Template.K8s, _plan.Spec))
        {
            await RunAsync(_plan, invocation, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The trigger-level parameters rewrote the template: check the spec they produced.
        KubernetesTriggerPlan plan;
        try
        {
            plan = KubernetesTriggerPlan.Create(invocation.Template.K8s, _specPath, _kubernetes, _services.Namespace);
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
        _kubernetes.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RunAsync(KubernetesTriggerPlan plan, TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var origin = $"the object from {plan.Source.FieldPath}";
        var json = await plan.Source.ReadAsync(cancellationToken).ConfigureAwait(false);
        var client = _kubernetes.Client;
        if (plan.UsesLiveObject)
        {
            json = await ReadLiveObjectAsync(client, json, origin, cancellationToken).ConfigureAwait(false);
        }

        json = ResourceParameters.Apply(json, plan.Spec.Parameters, invocation.Events, $"{plan.FieldPath}.parameters");
        var resource = KubernetesObject.Parse(json, origin);
        var (type, @namespace) = await LocateAsync(client, resource, origin, cancellationToken).ConfigureAwait(false);
        var result = plan.Operation switch
        {
            KubernetesOperation.Create => await CreateAsync(client, type, @namespace, resource, invocation.Template.Name, cancellationToken).ConfigureAwait(false),
            KubernetesOperation.Update => await UpdateAsync(client, type, @namespace, resource, origin, cancellationToken).ConfigureAwait(false),
            KubernetesOperation.Patch => await PatchAsync(client, type, @namespace, resource, plan.PatchType, origin, cancellationToken).ConfigureAwait(false),
            _ => await DeleteAsync(client, type, @namespace, resource, origin, cancellationToken).ConfigureAwait(false),
        };

        if (result is not null)
        {
            var name = KubernetesObject.Metadata(result, "name") ?? KubernetesObject.Metadata(resource, "name") ?? string.Empty;
            var resultNamespace = type.Namespaced ? KubernetesObject.Metadata(result, "namespace") ?? @namespace : null;
            await KubernetesLabelPolicy.ApplyAsync(
                _policy,
                token => client.GetAsync(type, resultNamespace, name, token),
                $"{type} {Describe(resultNamespace, name)}",
                _services.Time,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadLiveObjectAsync(KubernetesResourceClient client, byte[] json, string origin, CancellationToken cancellationToken)
    {
        var resource = KubernetesObject.Parse(json, origin);
        var name = KubernetesObject.Metadata(resource, "name")
            ?? throw new TriggerExecutionException($"liveObject: {origin} has no metadata.name, so the live object cannot be fetched.");
        var type = await ResolveAsync(client, resource, origin, cancellationToken).ConfigureAwait(false);
        var @namespace = KubernetesObject.Metadata(resource, "namespace");
        if (type.Namespaced && @namespace is null)
        {
            throw new TriggerExecutionException($"liveObject: {origin} has no metadata.namespace; Argo needs it to fetch the live {type.Kind}.");
        }

        var live = await client.GetAsync(type, type.Namespaced ? @namespace : null, name, cancellationToken).ConfigureAwait(false)
            ?? throw new TriggerExecutionException($"liveObject: the {type.Kind} {Describe(@namespace, name)} does not exist, so there is nothing to update.");
        return Encoding.UTF8.GetBytes(live.ToJsonString());
    }

    private async Task<(KubernetesResourceType Type, string? Namespace)> LocateAsync(KubernetesResourceClient client, JsonObject resource, string origin, CancellationToken cancellationToken)
    {
        var type = await ResolveAsync(client, resource, origin, cancellationToken).ConfigureAwait(false);
        var @namespace = type.Namespaced ? KubernetesObject.Metadata(resource, "namespace") ?? _services.Namespace : null;
        KubernetesObject.SetMetadata(resource, "namespace", @namespace);
        return (type, @namespace);
    }

    private static Task<KubernetesResourceType> ResolveAsync(KubernetesResourceClient client, JsonObject resource, string origin, CancellationToken cancellationToken)
    {
        var apiVersion = KubernetesObject.Text(resource, "apiVersion")
            ?? throw new TriggerExecutionException($"{origin} has no apiVersion.");
        var kind = KubernetesObject.Text(resource, "kind")
            ?? throw new TriggerExecutionException($"{origin} has no kind.");
        return client.ResolveAsync(apiVersion, kind, cancellationToken);
    }

    private async Task<JsonObject?> CreateAsync(KubernetesResourceClient client, KubernetesResourceType type, string? @namespace, JsonObject resource, string? triggerName, CancellationToken cancellationToken)
    {
        KubernetesObject.AddLabels(resource, KubernetesObject.TriggerLabels(_services.SensorName, triggerName, _services.Time));
        return await client.CreateAsync(type, @namespace, resource, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonObject?> UpdateAsync(KubernetesResourceClient client, KubernetesResourceType type, string? @namespace, JsonObject resource, string origin, CancellationToken cancellationToken)
    {
        var name = NameOf(resource, "update", origin);
        var live = await client.GetAsync(type, @namespace, name, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            return await client.CreateAsync(type, @namespace, resource, cancellationToken).ConfigureAwait(false);
        }

        // The live object keeps its resourceVersion, so a concurrent change makes the PUT fail with 409 instead of being lost.
        LiveObjectMerge.Into(live, resource);
        return await client.ReplaceAsync(type, @namespace, name, live, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonObject?> PatchAsync(KubernetesResourceClient client, KubernetesResourceType type, string? @namespace, JsonObject resource, string patchType, string origin, CancellationToken cancellationToken)
    {
        var name = NameOf(resource, "patch", origin);
        if (await client.GetAsync(type, @namespace, name, cancellationToken).ConfigureAwait(false) is null)
        {
            return await client.CreateAsync(type, @namespace, resource, cancellationToken).ConfigureAwait(false);
        }

        return await client.PatchAsync(type, @namespace, name, patchType, resource.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonObject?> DeleteAsync(KubernetesResourceClient client, KubernetesResourceType type, string? @namespace, JsonObject resource, string origin, CancellationToken cancellationToken)
    {
        var name = NameOf(resource, "delete", origin);
        if (await client.GetAsync(type, @namespace, name, cancellationToken).ConfigureAwait(false) is not null)
        {
            await client.DeleteAsync(type, @namespace, name, cancellationToken).ConfigureAwait(false);
        }

        // Nothing is left to hold labels, so no policy applies.
        return null;
    }

    private static string NameOf(JsonObject resource, string operation, string origin) =>
        KubernetesObject.Metadata(resource, "name")
        ?? throw new TriggerExecutionException($"The {operation} operation needs metadata.name, and {origin} has none.");

    private static string Describe(string? @namespace, string name) => @namespace is null ? name : $"{@namespace}/{name}";
}
