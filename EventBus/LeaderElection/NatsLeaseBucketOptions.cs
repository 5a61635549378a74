using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.KeyValue;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// Where the NATS leases live: one KV bucket per lease, <c>&lt;prefix&gt;-&lt;lease name&gt;</c>, holding the single key
/// <c>&lt;lease name&gt;</c>. One key per bucket makes the stream's last sequence the key's revision, which is what the
/// elector's compare-and-set relies on (see <see cref="NatsKeyValueLeaderElector"/>).
/// </summary>
public sealed record NatsLeaseBucketOptions
{
    /// <summary>The default bucket prefix.</summary>
    public const string DefaultBucketPrefix = "argo-events-lease";

    /// <summary>The prefix of the lease buckets: letters, digits, '_' and '-'.</summary>
    public string BucketPrefix { get; init; } = DefaultBucketPrefix;

    /// <summary>Replicas of each lease bucket's stream: 1 on a single server, 3 on a cluster.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Where the leases are kept; file storage survives a server restart.</summary>
    public StorageType Storage { get; init; } = StorageType.File;

    /// <summary>The bucket of a lease: the prefix, '-', and the lease name with '.' (not allowed in bucket names) as '_'.</summary>
    /// <param name="leaseName">The lease name (a Kubernetes-style name, so it has no '_' of its own).</param>
    /// <returns>The bucket name.</returns>
    public string BucketFor(string leaseName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leaseName);
        return BucketPrefix + "-" + leaseName.Replace('.', '_');
    }

    /// <summary>Throws when a setting is invalid; the message names it.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        KeyValueNames.EnsureValidBucket(BucketPrefix, nameof(BucketPrefix));
        if (Replicas is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(Replicas), Replicas, $"NatsLeaseBucketOptions.Replicas must be 1 to 5 (bucket prefix '{BucketPrefix}').");
        }
    }

    /// <summary>
    /// The settings of a lease's bucket: history 1, and no TTL. On nats-server 2.9 a TTL expiry produces no watch
    /// event, so candidates judge staleness themselves and an expiring key would only add a second, unobservable clock.
    /// </summary>
    internal KeyValueConfig ToKeyValueConfig(string leaseName) => new(BucketFor(leaseName))
    {
        Description = $"Argo Events leader-election lease {leaseName}",
        History = 1,
        NumReplicas = Replicas,
        Storage = Storage,
    };
}
