namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SensorSpec</c>: the dependencies, the triggers, and how the sensor pods run.</summary>
public sealed record SensorSpec
{
    /// <summary>The EventBus used when <see cref="EventBusName"/> is not written.</summary>
    public const string DefaultEventBusName = "default";

    /// <summary><c>dependencies</c>: the events this sensor waits for.</summary>
    [ManifestField("dependencies")]
    public IReadOnlyList<EventDependency> Dependencies { get; init; } = [];

    /// <summary><c>triggers</c>: what the sensor does when its conditions are met.</summary>
    [ManifestField("triggers")]
    public IReadOnlyList<Trigger> Triggers { get; init; } = [];

    /// <summary><c>template</c>: how the sensor pods run.</summary>
    [ManifestField("template")]
    public Template? Template { get; init; }

    /// <summary><c>errorOnFailedRound</c>: declared by Argo but not acted on by its sensor code.</summary>
    [ManifestField("errorOnFailedRound")]
    public bool ErrorOnFailedRound { get; init; }

    /// <summary><c>eventBusName</c>: the EventBus events are read from (default <c>default</c>).</summary>
    [ManifestField("eventBusName")]
    public string? EventBusName { get; init; }

    /// <summary><c>replicas</c>: how many sensor processes run (default 1, values below 1 count as 1).</summary>
    [ManifestField("replicas")]
    public int? Replicas { get; init; }

    /// <summary><c>revisionHistoryLimit</c>: old Deployment revisions kept.</summary>
    [ManifestField("revisionHistoryLimit")]
    public int? RevisionHistoryLimit { get; init; }

    /// <summary><c>loggingFields</c>: extra key-value pairs added to every log line.</summary>
    [ManifestField("loggingFields")]
    public IReadOnlyDictionary<string, string> LoggingFields { get; init; } = EmptyMap<string>.Instance;

    /// <summary>The EventBus in use: <see cref="EventBusName"/> or <c>default</c>.</summary>
    public string EffectiveEventBusName => string.IsNullOrEmpty(EventBusName) ? DefaultEventBusName : EventBusName;

    /// <summary>The replica count Argo runs: <c>replicas</c>, never less than 1.</summary>
    public int EffectiveReplicas => Math.Max(1, Replicas ?? 1);
}
