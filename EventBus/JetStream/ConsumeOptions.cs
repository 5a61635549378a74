namespace ArgoEvents.EventBus.JetStream;

/// <summary>Buffering and liveness settings of <see cref="PullConsumer.ConsumeAsync"/>.</summary>
public sealed record ConsumeOptions
{
    private static readonly TimeSpan MinHeartbeat = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxHeartbeat = TimeSpan.FromSeconds(30);

    /// <summary>Most messages requested but not yet handed out.</summary>
    public int MaxMessages { get; init; } = 1000;

    /// <summary>Pull more once the outstanding count falls to this percentage of <see cref="MaxMessages"/>.</summary>
    public int ThresholdPercent { get; init; } = 50;

    /// <summary>Lifetime of each pull request on the server.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Heartbeat while pulls wait; half of <see cref="Expires"/> (0.5 to 30 s) when null. Two missed ones trigger a new pull.</summary>
    public TimeSpan? IdleHeartbeat { get; init; }

    internal TimeSpan EffectiveHeartbeat => IdleHeartbeat ?? TimeSpan.FromTicks(Math.Clamp(Expires.Ticks / 2, MinHeartbeat.Ticks, MaxHeartbeat.Ticks));

    internal int ThresholdMessages => MaxMessages * ThresholdPercent / 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessages, 1, nameof(MaxMessages));
        ArgumentOutOfRangeException.ThrowIfNegative(ThresholdPercent, nameof(ThresholdPercent));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ThresholdPercent, 100, nameof(ThresholdPercent));
        if (Expires < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Expires), Expires, "ConsumeOptions.Expires must be at least 1 s.");
        }

        if (EffectiveHeartbeat <= TimeSpan.Zero || EffectiveHeartbeat > Expires / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleHeartbeat), IdleHeartbeat, "ConsumeOptions.IdleHeartbeat must be positive and at most half of Expires.");
        }
    }
}
