using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.Sensors.Filters;
using ArgoEvents.Sensors.Transforms;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>One dependency of the sensor, compiled: where its events come from, its transform and its filters.</summary>
internal sealed class DependencyPlan : IDisposable
{
    public DependencyPlan(EventDependency spec, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        Name = spec.Name ?? throw new ArgumentException($"{fieldPath}.name is required.");
        EventSourceName = spec.EventSourceName ?? throw new ArgumentException($"{fieldPath}.eventSourceName is required.");
        EventName = spec.EventName ?? throw new ArgumentException($"{fieldPath}.eventName is required.");
        Subject = ArgoWireNames.Subject(EventSourceName, EventName);
        SpecHash = SensorStateStore.HashOf(spec);
        Transform = DependencyTransform.Create(spec.Transform, fieldPath + ".transform");
        if (DependencyFilterSpecMapping.FromModel(spec) is { } filterSpec)
        {
            try
            {
                Filter = new DependencyFilter(filterSpec);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{fieldPath}.filters: {e.Message}", e);
            }

            if (Filter.Problems.Count > 0)
            {
                throw new ArgumentException($"{fieldPath}.filters: {string.Join("; ", Filter.Problems)}");
            }
        }
    }

    public EventDependency Spec { get; }

    public string Name { get; }

    public string EventSourceName { get; }

    public string EventName { get; }

    /// <summary>The bus subject, <c>default.&lt;eventSourceName&gt;.&lt;eventName&gt;</c>.</summary>
    public string Subject { get; }

    /// <summary>The hash stored under <c>Deps</c>.</summary>
    public ulong SpecHash { get; }

    public DependencyTransform? Transform { get; }

    public DependencyFilter? Filter { get; }

    public void Dispose()
    {
        Transform?.Dispose();
        Filter?.Dispose();
    }
}
