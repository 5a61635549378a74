using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>What an <see cref="OrderedConsumer"/> reads and how it watches its liveness.</summary>
public sealed record OrderedConsumerOptions
{
    /// <summary>Only messages on this subject (wildcards allowed); all when null.</summary>
    public string? FilterSubject { get; init; }

    /// <summary>Where to start.</summary>
    public DeliverPolicy DeliverPolicy { get; init; } = DeliverPolicy.All;

    /// <summary>Start sequence for <see cref="DeliverPolicy.ByStartSequence"/>.</summary>
    public ulong OptStartSequence { get; init; }

    /// <summary>Start time for <see cref="DeliverPolicy.ByStartTime"/>.</summary>
    public DateTimeOffset? OptStartTime { get; init; }

    /// <summary>Deliver only headers (the payload size is in <c>Nats-Msg-Size</c>).</summary>
    public bool HeadersOnly { get; init; }

    /// <summary>Server heartbeat while idle; three missed ones make the client recreate the consumer.</summary>
    public TimeSpan IdleHeartbeat { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the server keeps the consumer once this client stops listening.</summary>
    public TimeSpan InactiveThreshold { get; init; } = TimeSpan.FromMinutes(2);

    internal void Validate()
    {
        if (IdleHeartbeat < TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentOutOfRangeException(nameof(IdleHeartbeat), IdleHeartbeat, "OrderedConsumerOptions.IdleHeartbeat must be at least 100 ms (the server's minimum).");
        }

        if (InactiveThreshold <= IdleHeartbeat)
        {
            throw new ArgumentOutOfRangeException(nameof(InactiveThreshold), InactiveThreshold, "OrderedConsumerOptions.InactiveThreshold must be longer than IdleHeartbeat.");
        }

        if (DeliverPolicy == DeliverPolicy.ByStartSequence && OptStartSequence == 0)
        {
            throw new ArgumentException("OrderedConsumerOptions.OptStartSequence must be set for DeliverPolicy.ByStartSequence.", nameof(OptStartSequence));
        }

        if (DeliverPolicy == DeliverPolicy.ByStartTime && OptStartTime is null)
        {
            throw new ArgumentException("OrderedConsumerOptions.OptStartTime must be set for DeliverPolicy.ByStartTime.", nameof(OptStartTime));
        }
    }
}
