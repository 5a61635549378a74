using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.Bus;

/// <summary>
/// How the <c>default</c> stream is kept, from an EventBus's <c>streamConfig</c>. The defaults are Argo's
/// controller defaults: 50,000 messages, 168 h, no byte limit, 3 replicas, a 300 s duplicate window,
/// limits retention, discard old.
/// </summary>
public sealed record EventStreamSettings
{
    /// <summary>Most messages kept (<c>maxMsgs</c>); -1 for no limit.</summary>
    public long MaxMsgs { get; init; } = 50_000;

    /// <summary>Oldest message kept (<c>maxAge</c>); zero for no limit.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(168);

    /// <summary>Most bytes kept (<c>maxBytes</c>); -1 for no limit.</summary>
    public long MaxBytes { get; init; } = -1;

    /// <summary>Copies of each message across the cluster (<c>replicas</c>).</summary>
    public int Replicas { get; init; } = 3;

    /// <summary>Window in which a repeated event id is dropped (<c>duplicates</c>).</summary>
    public TimeSpan Duplicates { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Retention policy (<c>retention</c>: 0 limits, 1 interest, 2 work queue).</summary>
    public RetentionPolicy Retention { get; init; } = RetentionPolicy.Limits;

    /// <summary>What happens when a limit is reached (<c>discard</c>: 0 old, 1 new).</summary>
    public DiscardPolicy Discard { get; init; } = DiscardPolicy.Old;

    /// <summary>The stream configuration these settings describe.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public StreamConfig ToStreamConfig()
    {
        Validate();
        return new StreamConfig(ArgoWireNames.StreamName, ArgoWireNames.StreamSubjects)
        {
            Storage = StorageType.File,
            Retention = Retention,
            Discard = Discard,
            MaxMsgs = MaxMsgs,
            MaxAge = MaxAge,
            MaxBytes = MaxBytes,
            NumReplicas = Replicas,
            DuplicateWindow = Duplicates,
        };
    }

    /// <summary>Throws when a setting is out of the range the server accepts, naming the setting.</summary>
    public void Validate()
    {
        if (Replicas is < 1 or > 5)
        {
            throw new ArgumentException($"streamConfig.replicas is {Replicas}; JetStream keeps 1 to 5 replicas.", nameof(Replicas));
        }

        if (MaxMsgs is 0 or < -1)
        {
            throw new ArgumentException($"streamConfig.maxMsgs is {MaxMsgs}; use a positive count or -1 for no limit.", nameof(MaxMsgs));
        }

        if (MaxBytes is 0 or < -1)
        {
            throw new ArgumentException($"streamConfig.maxBytes is {MaxBytes}; use a positive size or -1 for no limit.", nameof(MaxBytes));
        }

        if (MaxAge < TimeSpan.Zero || Duplicates < TimeSpan.Zero)
        {
            throw new ArgumentException("streamConfig.maxAge and streamConfig.duplicates must not be negative.", nameof(MaxAge));
        }

        if (MaxAge > TimeSpan.Zero && Duplicates > MaxAge)
        {
            throw new ArgumentException($"streamConfig.duplicates ({Duplicates}) must not exceed streamConfig.maxAge ({MaxAge}).", nameof(Duplicates));
        }

        if (!Enum.IsDefined(Retention) || !Enum.IsDefined(Discard))
        {
            throw new ArgumentException($"streamConfig.retention ({(int)Retention}) or streamConfig.discard ({(int)Discard}) is not a known policy.", nameof(Retention));
        }
    }
}
