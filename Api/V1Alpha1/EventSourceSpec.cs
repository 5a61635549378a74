namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>EventSourceSpec</c>: the bus to publish on, how the pods run, and one map per event source type from
/// event name to that event's configuration. Event names are unique across all maps.
/// </summary>
public sealed record EventSourceSpec
{
    /// <summary>The EventBus used when <see cref="EventBusName"/> is not written.</summary>
    public const string DefaultEventBusName = "default";

    /// <summary><c>eventBusName</c>: the EventBus events are published on (default <c>default</c>).</summary>
    [ManifestField("eventBusName")]
    public string? EventBusName { get; init; }

    /// <summary><c>template</c>: how the EventSource pods run.</summary>
    [ManifestField("template")]
    public Template? Template { get; init; }

    /// <summary><c>service</c>: the Service exposing webhook ports.</summary>
    [ManifestField("service")]
    public Service? Service { get; init; }

    /// <summary><c>replicas</c>: how many EventSource processes run (default 1).</summary>
    [ManifestField("replicas")]
    public int? Replicas { get; init; }

    /// <summary><c>replica</c>: the name older Argo versions (before 1.5) gave <c>replicas</c>; <c>replicas</c> wins.</summary>
    [ManifestField("replica")]
    public int? DeprecatedReplica { get; init; }

    /// <summary><c>type</c>: a field of Argo before 1.0, when one EventSource had one type; accepted and ignored.</summary>
    [ManifestField("type")]
    public string? DeprecatedType { get; init; }

    /// <summary><c>amqp</c> event sources, by event name.</summary>
    [ManifestField("amqp")]
    public IReadOnlyDictionary<string, AmqpEventSource> Amqp { get; init; } = EmptyMap<AmqpEventSource>.Instance;

    /// <summary><c>azureEventsHub</c> event sources, by event name.</summary>
    [ManifestField("azureEventsHub")]
    public IReadOnlyDictionary<string, AzureEventsHubEventSource> AzureEventsHub { get; init; } = EmptyMap<AzureEventsHubEventSource>.Instance;

    /// <summary><c>azureQueueStorage</c> event sources, by event name.</summary>
    [ManifestField("azureQueueStorage")]
    public IReadOnlyDictionary<string, AzureQueueStorageEventSource> AzureQueueStorage { get; init; } = EmptyMap<AzureQueueStorageEventSource>.Instance;

    /// <summary><c>azureServiceBus</c> event sources, by event name.</summary>
    [ManifestField("azureServiceBus")]
    public IReadOnlyDictionary<string, AzureServiceBusEventSource> AzureServiceBus { get; init; } = EmptyMap<AzureServiceBusEventSource>.Instance;

    /// <summary><c>bitbucket</c> event sources, by event name.</summary>
    [ManifestField("bitbucket")]
    public IReadOnlyDictionary<string, BitbucketEventSource> Bitbucket { get; init; } = EmptyMap<BitbucketEventSource>.Instance;

    /// <summary><c>bitbucketserver</c> event sources, by event name.</summary>
    [ManifestField("bitbucketserver")]
    public IReadOnlyDictionary<string, BitbucketServerEventSource> BitbucketServer { get; init; } = EmptyMap<BitbucketServerEventSource>.Instance;

    /// <summary><c>calendar</c> event sources, by event name.</summary>
    [ManifestField("calendar")]
    public IReadOnlyDictionary<string, CalendarEventSource> Calendar { get; init; } = EmptyMap<CalendarEventSource>.Instance;

    /// <summary><c>emitter</c> event sources, by event name.</summary>
    [ManifestField("emitter")]
    public IReadOnlyDictionary<string, EmitterEventSource> Emitter { get; init; } = EmptyMap<EmitterEventSource>.Instance;

    /// <summary><c>file</c> event sources, by event name.</summary>
    [ManifestField("file")]
    public IReadOnlyDictionary<string, FileEventSource> File { get; init; } = EmptyMap<FileEventSource>.Instance;

    /// <summary><c>generic</c> event sources, by event name.</summary>
    [ManifestField("generic")]
    public IReadOnlyDictionary<string, GenericEventSource> Generic { get; init; } = EmptyMap<GenericEventSource>.Instance;

    /// <summary><c>gerrit</c> event sources, by event name.</summary>
    [ManifestField("gerrit")]
    public IReadOnlyDictionary<string, GerritEventSource> Gerrit { get; init; } = EmptyMap<GerritEventSource>.Instance;

    /// <summary><c>github</c> event sources, by event name.</summary>
    [ManifestField("github")]
    public IReadOnlyDictionary<string, GithubEventSource> Github { get; init; } = EmptyMap<GithubEventSource>.Instance;

    /// <summary><c>gitlab</c> event sources, by event name.</summary>
    [ManifestField("gitlab")]
    public IReadOnlyDictionary<string, GitlabEventSource> Gitlab { get; init; } = EmptyMap<GitlabEventSource>.Instance;

    /// <summary><c>hdfs</c> event sources, by event name.</summary>
    [ManifestField("hdfs")]
    public IReadOnlyDictionary<string, HdfsEventSource> Hdfs { get; init; } = EmptyMap<HdfsEventSource>.Instance;

    /// <summary><c>kafka</c> event sources, by event name.</summary>
    [ManifestField("kafka")]
    public IReadOnlyDictionary<string, KafkaEventSource> Kafka { get; init; } = EmptyMap<KafkaEventSource>.Instance;

    /// <summary><c>minio</c> event sources, by event name.</summary>
    [ManifestField("minio")]
    public IReadOnlyDictionary<string, S3Artifact> Minio { get; init; } = EmptyMap<S3Artifact>.Instance;

    /// <summary><c>mns</c> event sources, by event name.</summary>
    [ManifestField("mns")]
    public IReadOnlyDictionary<string, MnsEventSource> Mns { get; init; } = EmptyMap<MnsEventSource>.Instance;

    /// <summary><c>mqtt</c> event sources, by event name.</summary>
    [ManifestField("mqtt")]
    public IReadOnlyDictionary<string, MqttEventSource> Mqtt { get; init; } = EmptyMap<MqttEventSource>.Instance;

    /// <summary><c>nats</c> event sources, by event name.</summary>
    [ManifestField("nats")]
    public IReadOnlyDictionary<string, NatsEventSource> Nats { get; init; } = EmptyMap<NatsEventSource>.Instance;

    /// <summary><c>nsq</c> event sources, by event name.</summary>
    [ManifestField("nsq")]
    public IReadOnlyDictionary<string, NsqEventSource> Nsq { get; init; } = EmptyMap<NsqEventSource>.Instance;

    /// <summary><c>pubSub</c> event sources, by event name.</summary>
    [ManifestField("pubSub")]
    public IReadOnlyDictionary<string, PubSubEventSource> PubSub { get; init; } = EmptyMap<PubSubEventSource>.Instance;

    /// <summary><c>pulsar</c> event sources, by event name.</summary>
    [ManifestField("pulsar")]
    public IReadOnlyDictionary<string, PulsarEventSource> Pulsar { get; init; } = EmptyMap<PulsarEventSource>.Instance;

    /// <summary><c>redis</c> event sources, by event name.</summary>
    [ManifestField("redis")]
    public IReadOnlyDictionary<string, RedisEventSource> Redis { get; init; } = EmptyMap<RedisEventSource>.Instance;

    /// <summary><c>redisStream</c> event sources, by event name.</summary>
    [ManifestField("redisStream")]
    public IReadOnlyDictionary<string, RedisStreamEventSource> RedisStream { get; init; } = EmptyMap<RedisStreamEventSource>.Instance;

    /// <summary><c>resource</c> event sources, by event name.</summary>
    [ManifestField("resource")]
    public IReadOnlyDictionary<string, ResourceEventSource> Resource { get; init; } = EmptyMap<ResourceEventSource>.Instance;

    /// <summary><c>sftp</c> event sources, by event name.</summary>
    [ManifestField("sftp")]
    public IReadOnlyDictionary<string, SftpEventSource> Sftp { get; init; } = EmptyMap<SftpEventSource>.Instance;

    /// <summary><c>slack</c> event sources, by event name.</summary>
    [ManifestField("slack")]
    public IReadOnlyDictionary<string, SlackEventSource> Slack { get; init; } = EmptyMap<SlackEventSource>.Instance;

    /// <summary><c>sns</c> event sources, by event name.</summary>
    [ManifestField("sns")]
    public IReadOnlyDictionary<string, SnsEventSource> Sns { get; init; } = EmptyMap<SnsEventSource>.Instance;

    /// <summary><c>sqs</c> event sources, by event name.</summary>
    [ManifestField("sqs")]
    public IReadOnlyDictionary<string, SqsEventSource> Sqs { get; init; } = EmptyMap<SqsEventSource>.Instance;

    /// <summary><c>storageGrid</c> event sources, by event name.</summary>
    [ManifestField("storageGrid")]
    public IReadOnlyDictionary<string, StorageGridEventSource> StorageGrid { get; init; } = EmptyMap<StorageGridEventSource>.Instance;

    /// <summary><c>stripe</c> event sources, by event name.</summary>
    [ManifestField("stripe")]
    public IReadOnlyDictionary<string, StripeEventSource> Stripe { get; init; } = EmptyMap<StripeEventSource>.Instance;

    /// <summary><c>webhook</c> event sources, by event name.</summary>
    [ManifestField("webhook")]
    public IReadOnlyDictionary<string, WebhookEventSource> Webhook { get; init; } = EmptyMap<WebhookEventSource>.Instance;

    /// <summary>The EventBus in use: <see cref="EventBusName"/> or <c>default</c>.</summary>
    public string EffectiveEventBusName => string.IsNullOrEmpty(EventBusName) ? DefaultEventBusName : EventBusName;

    /// <summary>The replica count Argo runs: <c>replicas</c>, else <c>replica</c>, and never less than 1.</summary>
    public int EffectiveReplicas => Math.Max(1, Replicas ?? DeprecatedReplica ?? 1);

    /// <summary>Every event of every type, in type order then written order.</summary>
    public IEnumerable<NamedEventSource> Events => EventSourceTypes.All.SelectMany(type => type.EventsOf(this));

    /// <summary>The types that have at least one event.</summary>
    public IEnumerable<EventSourceType> UsedTypes => EventSourceTypes.All.Where(type => type.EventsOf(this).Any());

    /// <summary>
    /// How the replicas share the work: active-passive when any type in use is active-passive (validation forbids
    /// mixing), active-active otherwise; null when no event is defined.
    /// </summary>
    public HighAvailabilityMode? HighAvailability
    {
        get
        {
            var modes = UsedTypes.Select(type => type.HighAvailability).Distinct().ToList();
            return modes.Count == 0 ? null
                : modes.Contains(HighAvailabilityMode.ActivePassive) ? HighAvailabilityMode.ActivePassive
                : HighAvailabilityMode.ActiveActive;
        }
    }
}
