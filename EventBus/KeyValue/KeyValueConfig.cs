using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.KeyValue;

/// <summary>The settings of a key-value bucket.</summary>
public sealed record KeyValueConfig
{
    /// <summary>The largest history the server allows per key.</summary>
    public const int MaxHistory = 64;

    /// <summary>Creates the settings of a bucket.</summary>
    /// <param name="bucket">The bucket name: letters, digits, '_' and '-'.</param>
    public KeyValueConfig(string bucket)
    {
        Bucket = bucket;
    }

    /// <summary>The bucket name.</summary>
    public string Bucket { get; init; }

    /// <summary>A free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>Revisions kept per key, 1 to 64.</summary>
    public int History { get; init; } = 1;

    /// <summary>How long an entry lives after it is written; zero keeps entries forever.</summary>
    public TimeSpan Ttl { get; init; }

    /// <summary>Most bytes the bucket holds; −1 for unlimited.</summary>
    public long MaxBytes { get; init; } = -1;

    /// <summary>Largest value accepted, in bytes; −1 for the server limit.</summary>
    public int MaxValueSize { get; init; } = -1;

    /// <summary>Where entries are kept.</summary>
    public StorageType Storage { get; init; } = StorageType.File;

    /// <summary>Replicas: 1, 3 or 5.</summary>
    public int NumReplicas { get; init; } = 1;

    /// <summary>Where the replicas are placed.</summary>
    public Placement? Placement { get; init; }

    internal StreamConfig ToStreamConfig()
    {
        KeyValueNames.EnsureValidBucket(Bucket, nameof(Bucket));
        if (History is < 1 or > MaxHistory)
        {
            throw new ArgumentOutOfRangeException(nameof(History), History, $"KeyValueConfig.History must be between 1 and {MaxHistory}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Ttl, TimeSpan.Zero, nameof(Ttl));
        ArgumentOutOfRangeException.ThrowIfLessThan(NumReplicas, 1, nameof(NumReplicas));

        // The duplicate window may not exceed max_age, and the server's default is 2 minutes.
        var duplicateWindow = Ttl > TimeSpan.Zero && Ttl < TimeSpan.FromMinutes(2) ? Ttl : TimeSpan.FromMinutes(2);
        return new StreamConfig(KeyValueStore.StreamName(Bucket), KeyValueStore.SubjectPrefix(Bucket) + ">")
        {
            Description = Description,
            Retention = RetentionPolicy.Limits,
            Storage = Storage,
            Discard = DiscardPolicy.New,
            MaxMsgsPerSubject = History,
            MaxAge = Ttl,
            DuplicateWindow = duplicateWindow,
            MaxBytes = MaxBytes,
            MaxMsgSize = MaxValueSize,
            NumReplicas = NumReplicas,
            Placement = Placement,
            AllowRollupHeaders = true,
            DenyDelete = true,
            AllowDirect = true,
            MaxConsumers = -1,
            MaxMsgs = -1,
        };
    }
}
