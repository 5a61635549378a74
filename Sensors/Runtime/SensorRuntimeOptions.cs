namespace ArgoEvents.Sensors.Runtime;

/// <summary>Tuning of the sensor runtime; the defaults suit production.</summary>
internal sealed class SensorRuntimeOptions
{
    /// <summary>Messages requested per pull and buffered per trigger.</summary>
    public int PullBatch { get; init; } = 64;

    /// <summary>At-most-once firings running at once per sensor.</summary>
    public int MaxBackgroundActions { get; init; } = 256;

    /// <summary>Replicas of the sensor's KV bucket when this process creates it.</summary>
    public int StateReplicas { get; init; } = 1;

    /// <summary>Cancels at-most-once firings still running when the process stops for good.</summary>
    public CancellationToken BackgroundStopping { get; init; }
}
