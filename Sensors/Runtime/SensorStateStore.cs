using System.Text;
using System.Text.Json;
using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.KeyValue;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// The sensor's KV bucket, named after the sensor, with Argo's keys: <c>Triggers</c> (JSON array of trigger names),
/// <c>Deps</c> (JSON map of dependency name to a hash of its spec), <c>&lt;trigger&gt;/Expression</c> (the conditions
/// text) and <c>&lt;trigger&gt;/&lt;dependency&gt;</c> (<see cref="PartialStateRecord"/>). Only the leader writes, so
/// plain puts suffice; reads after a failover go to the stream leader so nothing acknowledged is missed.
/// </summary>
internal sealed class SensorStateStore
{
    public const string TriggersKey = "Triggers";
    public const string DependenciesKey = "Deps";

    private readonly KeyValueStore _store;

    private SensorStateStore(KeyValueStore store) => _store = store;

    public string Bucket => _store.Bucket;

    /// <summary>Opens the sensor's bucket, creating it with <paramref name="replicas"/> copies when it does not exist.</summary>
    public static async Task<SensorStateStore> OpenAsync(EventBusClient client, string sensorName, int replicas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return new SensorStateStore(await client.KeyValue.GetStoreAsync(sensorName, cancellationToken).ConfigureAwait(false));
        }
        catch (KeyValueBucketNotFoundException)
        {
            var config = new KeyValueConfig(sensorName) { NumReplicas = replicas, Description = $"partial state of sensor {sensorName}" };
            return new SensorStateStore(await client.KeyValue.CreateStoreAsync(config, cancellationToken).ConfigureAwait(false));
        }
    }

    public static string DependencyKey(string triggerName, string dependencyName) => $"{triggerName}/{dependencyName}";

    public static string ExpressionKey(string triggerName) => $"{triggerName}/Expression";

    /// <summary>
    /// Argo's <c>setStateToSpec</c>: compares the stored spec with the running one; the partial state of changed or
    /// removed dependencies and of changed or removed triggers is deleted with their durable consumers (so a consumer
    /// never resumes with a different filter), then the current spec is stored.
    /// </summary>
    public async Task ReconcileAsync(SensorPlan plan, EventBusClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(client);
        var storedDeps = await ReadJsonAsync<Dictionary<string, ulong>>(DependenciesKey, cancellationToken).ConfigureAwait(false) ?? [];
        var storedTriggers = await ReadJsonAsync<List<string>>(TriggersKey, cancellationToken).ConfigureAwait(false) ?? [];
        var currentDeps = plan.Dependencies.ToDictionary(d => d.Name, d => d.SpecHash, StringComparer.Ordinal);
        var staleDeps = storedDeps.Where(d => !currentDeps.TryGetValue(d.Key, out var hash) || hash != d.Value).Select(d => d.Key).ToList();
        var currentTriggers = plan.Triggers.ToDictionary(t => t.Name, StringComparer.Ordinal);

        foreach (var triggerName in storedTriggers)
        {
            var storedExpression = await ReadTextAsync(ExpressionKey(triggerName), cancellationToken).ConfigureAwait(false) ?? string.Empty;
            if (currentTriggers.TryGetValue(triggerName, out var trigger) && storedExpression == trigger.ConditionsText)
            {
                foreach (var dependency in staleDeps)
                {
                    await PurgeAsync(client, plan.Name, triggerName, dependency, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            // Changed or removed trigger: every dependency its stored expression named goes.
            foreach (var dependency in ExpressionNames(storedExpression))
            {
                await PurgeAsync(client, plan.Name, triggerName, dependency, cancellationToken).ConfigureAwait(false);
            }

            if (trigger is null)
            {
                await _store.DeleteAsync(ExpressionKey(triggerName), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        await _store.PutAsync(DependenciesKey, JsonSerializer.SerializeToUtf8Bytes(currentDeps, SensorStateJsonContext.Default.DictionaryStringUInt64), cancellationToken).ConfigureAwait(false);
        await _store.PutAsync(TriggersKey, JsonSerializer.SerializeToUtf8Bytes(plan.Triggers.Select(t => t.Name).ToList(), SensorStateJsonContext.Default.ListString), cancellationToken).ConfigureAwait(false);
        foreach (var trigger in plan.Triggers)
        {
            await _store.PutAsync(ExpressionKey(trigger.Name), Encoding.UTF8.GetBytes(trigger.ConditionsText), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The saved events of a trigger, by dependency name; unreadable entries are dropped and reported.</summary>
    public async Task<Dictionary<string, PartialStateRecord>> LoadAsync(string triggerName, IEnumerable<string> dependencyNames, Action<string, Exception> onUnreadable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dependencyNames);
        ArgumentNullException.ThrowIfNull(onUnreadable);
        var saved = new Dictionary<string, PartialStateRecord>(StringComparer.Ordinal);
        foreach (var dependency in dependencyNames)
        {
            var key = DependencyKey(triggerName, dependency);
            var entry = await _store.GetConsistentAsync(key, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                continue;
            }

            try
            {
                saved[dependency] = PartialStateRecord.Parse(entry.Value);
            }
            catch (FormatException e)
            {
                onUnreadable(key, e);
                await _store.DeleteAsync(key, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        return saved;
    }

    public Task SaveAsync(string triggerName, string dependencyName, PartialStateRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _store.PutAsync(DependencyKey(triggerName, dependencyName), record.ToJson(), cancellationToken);
    }

    public Task DeleteAsync(string triggerName, string dependencyName, CancellationToken cancellationToken)
        => _store.DeleteAsync(DependencyKey(triggerName, dependencyName), cancellationToken: cancellationToken);

    /// <summary>A stable hash of a dependency's spec: a change of any field purges its state (Argo's <c>Deps</c> check).</summary>
    public static ulong HashOf(EventDependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        // FNV-1a, 64 bits, over the dependency as Argo's JSON.
        var hash = 14695981039346656037UL;
        foreach (var b in ManifestJson.Serialize(dependency))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private static IEnumerable<string> ExpressionNames(string expression) =>
        expression.Replace("&&", " ", StringComparison.Ordinal)
            .Replace("||", " ", StringComparison.Ordinal)
            .Replace("(", " ", StringComparison.Ordinal)
            .Replace(")", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal);

    private async Task PurgeAsync(EventBusClient client, string sensorName, string triggerName, string dependencyName, CancellationToken cancellationToken)
    {
        try
        {
            await _store.DeleteAsync(DependencyKey(triggerName, dependencyName), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // A stored expression may name something that was never a valid key; there is nothing under it to delete.
        }

        await client.DeleteSensorConsumerAsync(sensorName, triggerName, dependencyName, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ReadTextAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await _store.GetConsistentAsync(key, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : Encoding.UTF8.GetString(entry.Value.Span);
    }

    private async Task<T?> ReadJsonAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        var entry = await _store.GetConsistentAsync(key, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        try
        {
            return (T?)JsonSerializer.Deserialize(entry.Value.Span, typeof(T), SensorStateJsonContext.Default);
        }
        catch (JsonException)
        {
            // An unreadable spec record only costs the comparison: everything it described is treated as changed.
            return null;
        }
    }
}
