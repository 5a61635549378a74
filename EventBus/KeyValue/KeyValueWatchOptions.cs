namespace ArgoEvents.EventBus.KeyValue;

/// <summary>What a key-value watch delivers.</summary>
public sealed record KeyValueWatchOptions
{
    /// <summary>Start with every stored revision rather than only the latest per key.</summary>
    public bool IncludeHistory { get; init; }

    /// <summary>Skip the current values; deliver only changes made from now on.</summary>
    public bool UpdatesOnly { get; init; }

    /// <summary>Skip delete and purge markers.</summary>
    public bool IgnoreDeletes { get; init; }

    /// <summary>Deliver entries without their values.</summary>
    public bool MetaOnly { get; init; }

    /// <summary>Heartbeat of the underlying consumer; three missed ones make it resume from the last revision seen.</summary>
    public TimeSpan IdleHeartbeat { get; init; } = TimeSpan.FromSeconds(5);
}
