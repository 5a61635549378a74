namespace ArgoEvents.EventBus.JetStream;

/// <summary>How much one <see cref="PullConsumer.FetchAsync"/> asks for and how long it waits.</summary>
public sealed record FetchOptions
{
    /// <summary>Most messages to return.</summary>
    public int MaxMessages { get; init; } = 100;

    /// <summary>How long the server holds the request open while it is not filled.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Heartbeat while the request waits; none when null. At most half of <see cref="Expires"/>.</summary>
    public TimeSpan? IdleHeartbeat { get; init; }

    /// <summary>Return at once with what is available rather than waiting for more.</summary>
    public bool NoWait { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessages, 1, nameof(MaxMessages));
        if (!NoWait && Expires < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Expires), Expires, "FetchOptions.Expires must be at least 1 ms (the server's minimum) unless NoWait is set.");
        }

        if (IdleHeartbeat is { } heartbeat && (heartbeat <= TimeSpan.Zero || heartbeat > Expires / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(IdleHeartbeat), heartbeat, "FetchOptions.IdleHeartbeat must be positive and at most half of Expires.");
        }
    }
}
