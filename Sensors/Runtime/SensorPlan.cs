using ArgoEvents.Api.Conditions;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// A Sensor compiled for running: every dependency's transform and filters, every trigger's conditions, action, retry,
/// rate limit, DLQ trigger and resets. Everything a manifest can get wrong is found here, before the bus is touched,
/// and reported together with the fields at fault.
/// </summary>
internal sealed class SensorPlan : IAsyncDisposable
{
    private SensorPlan(Sensor sensor, IReadOnlyList<DependencyPlan> dependencies, IReadOnlyList<TriggerPlan> triggers)
    {
        Sensor = sensor;
        Dependencies = dependencies;
        Triggers = triggers;
    }

    public Sensor Sensor { get; }

    public string Name => Sensor.Metadata.Name!;

    public IReadOnlyList<DependencyPlan> Dependencies { get; }

    public IReadOnlyList<TriggerPlan> Triggers { get; }

    /// <summary>Compiles <paramref name="sensor"/>.</summary>
    /// <exception cref="SensorConfigurationException">Something cannot run; the message lists every problem with its field.</exception>
    public static SensorPlan Create(Sensor sensor, TriggerRegistry registry, TriggerServices services, ArgoEventsMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<string>();
        var dependencies = new List<DependencyPlan>();
        var triggers = new List<TriggerPlan>();
        if (string.IsNullOrEmpty(sensor.Metadata.Name))
        {
            throw new SensorConfigurationException("metadata.name is required.");
        }

        try
        {
            KeyValueNames.EnsureValidBucket(sensor.Metadata.Name, "metadata.name");
        }
        catch (ArgumentException e)
        {
            problems.Add($"metadata.name '{sensor.Metadata.Name}' cannot name the sensor's state bucket: {e.Message}");
        }

        for (var i = 0; i < sensor.Spec.Dependencies.Count; i++)
        {
            try
            {
                dependencies.Add(new DependencyPlan(sensor.Spec.Dependencies[i], $"spec.dependencies[{i}]"));
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }

        // Argo maps condition names to dependencies with '-' and '_' treated alike; a later dependency wins a clash.
        // A dependency that did not compile is already reported; its name still resolves (to null) so that the triggers
        // naming it are checked for their own problems instead of failing over it.
        var byNormalizedName = new Dictionary<string, DependencyPlan?>(StringComparer.Ordinal);
        foreach (var spec in sensor.Spec.Dependencies.Where(d => !string.IsNullOrEmpty(d.Name)))
        {
            byNormalizedName[Normalize(spec.Name!)] = dependencies.FirstOrDefault(d => d.Name == spec.Name);
        }

        var logger = services.LoggerFactory.CreateLogger("ArgoEvents.Sensors.Trigger");
        for (var i = 0; i < sensor.Spec.Triggers.Count; i++)
        {
            var field = $"spec.triggers[{i}]";
            try
            {
                triggers.Add(CreateTrigger(sensor, sensor.Spec.Triggers[i], field, byNormalizedName, registry, services, metrics, logger));
            }
            catch (Exception e) when (e is ArgumentException or TriggerConfigurationException)
            {
                problems.Add(e.Message);
            }
        }

        var plan = new SensorPlan(sensor, dependencies, triggers);
        if (problems.Count > 0)
        {
            plan.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new SensorConfigurationException($"Sensor '{sensor.Metadata.Name}' cannot run:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}");
        }

        return plan;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var trigger in Triggers)
        {
            await trigger.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var dependency in Dependencies)
        {
            dependency.Dispose();
        }
    }

    private static string Normalize(string name) => name.Replace('-', '_');

    private static TriggerPlan CreateTrigger(
        Sensor sensor,
        Trigger spec,
        string field,
        Dictionary<string, DependencyPlan?> byNormalizedName,
        TriggerRegistry registry,
        TriggerServices services,
        ArgoEventsMetrics? metrics,
        ILogger logger)
    {
        var template = spec.Template ?? throw new ArgumentException($"{field}.template is required.");
        var name = template.Name is { Length: > 0 } n ? n : throw new ArgumentException($"{field}.template.name is required.");
        var conditionsText = template.Conditions ?? string.Empty;
        var expression = conditionsText.Length > 0 ? conditionsText : string.Join("&&", sensor.Spec.Dependencies.Select(d => d.Name));
        if (!TriggerConditionParser.TryParse(expression, out var condition, out var problem))
        {
            throw new ArgumentException($"{field}.template.conditions '{expression}' does not parse: it {problem}");
        }

        var triggerDependencies = new List<DependencyPlan>();
        var dependencyByConditionName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var conditionName in condition.Names)
        {
            if (!byNormalizedName.TryGetValue(Normalize(conditionName), out var dependency))
            {
                throw new ArgumentException($"{field}.template.conditions names '{conditionName}', which is not a dependency of this sensor.");
            }

            if (dependency is null)
            {
                continue;
            }

            dependencyByConditionName[conditionName] = dependency.Name;
            if (!triggerDependencies.Contains(dependency))
            {
                triggerDependencies.Add(dependency);
            }
        }

        EnsureValidKey(SensorStateStore.ExpressionKey(name), $"{field}.template.name");
        foreach (var dependency in triggerDependencies)
        {
            EnsureValidKey(SensorStateStore.DependencyKey(name, dependency.Name), $"{field}.template.name and dependency '{dependency.Name}'");
        }

        var resets = new List<ConditionsResetSchedule>();
        for (var r = 0; r < template.ConditionsReset.Count; r++)
        {
            if (template.ConditionsReset[r].ByTime is { } byTime)
            {
                resets.Add(ConditionsResetSchedule.Parse(byTime, $"{field}.template.conditionsReset[{r}].byTime"));
            }
        }

        var action = CreateAction(sensor, spec, field, registry, services, metrics, logger, allowDlq: true);
        return new TriggerPlan(spec, name, conditionsText, condition, triggerDependencies, dependencyByConditionName, action, resets);
    }

    private static TriggerAction CreateAction(Sensor sensor, Trigger spec, string field, TriggerRegistry registry, TriggerServices services, ArgoEventsMetrics? metrics, ILogger logger, bool allowDlq)
    {
        var rateLimiter = TriggerRateLimiter.From(spec.RateLimit, services.Time, field + ".rateLimit");
        var trigger = registry.Create(spec, field, services);
        try
        {
            var dlq = allowDlq && spec.DlqTrigger is { } dlqSpec
                ? CreateAction(sensor, dlqSpec, field + ".dlqTrigger", registry, services, metrics, logger, allowDlq: false)
                : null;
            return new TriggerAction(sensor.Metadata.Name!, spec, trigger, RetryBackoff.From(spec.RetryStrategy), rateLimiter, dlq, metrics, logger, services.Time);
        }
        catch
        {
            trigger.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    private static void EnsureValidKey(string key, string field)
    {
        try
        {
            KeyValueNames.EnsureValidKey(key);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{field}: the state key '{key}' is not a valid KV key: {e.Message}", e);
        }
    }
}
