namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>EventDependency</c>: one event the sensor waits for, with its filters and transformation.</summary>
public sealed record EventDependency
{
    /// <summary><c>name</c>: unique within the sensor; trigger conditions and parameters refer to it.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>eventSourceName</c>: the EventSource that publishes the event.</summary>
    [ManifestField("eventSourceName")]
    public string? EventSourceName { get; init; }

    /// <summary><c>eventName</c>: the event's name inside that EventSource.</summary>
    [ManifestField("eventName")]
    public string? EventName { get; init; }

    /// <summary><c>filters</c>: what an event must satisfy to count.</summary>
    [ManifestField("filters")]
    public EventDependencyFilter? Filters { get; init; }

    /// <summary><c>transform</c>: rewrites the event data before the filters run.</summary>
    [ManifestField("transform")]
    public EventDependencyTransformer? Transform { get; init; }

    /// <summary><c>filtersLogicalOperator</c>: how the filter kinds combine, <c>and</c> (default) or <c>or</c>.</summary>
    [ManifestField("filtersLogicalOperator")]
    public string? FiltersLogicalOperator { get; init; }
}
