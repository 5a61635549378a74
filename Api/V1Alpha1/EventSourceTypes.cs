using System.Diagnostics.CodeAnalysis;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Every event source type Argo Events v1.9 has, with its spec key, its type string and how its replicas share
/// the work (Argo's <c>RecreateStrategyEventSources</c> list decides which types are active-passive). A new type is
/// one line here, its model type, a map on <see cref="EventSourceSpec"/> and its validation rules.
/// </summary>
public static class EventSourceTypes
{
    /// <summary><c>amqp</c>: type <c>amqp</c>, active-passive.</summary>
    public static EventSourceType Amqp { get; } = Define("amqp", "amqp", HighAvailabilityMode.ActivePassive, spec => spec.Amqp);

    /// <summary><c>azureEventsHub</c>: type <c>azureEventsHub</c>, active-passive.</summary>
    public static EventSourceType AzureEventsHub { get; } = Define("azureEventsHub", "azureEventsHub", HighAvailabilityMode.ActivePassive, spec => spec.AzureEventsHub);

    /// <summary><c>azureQueueStorage</c>: type <c>azureQueueStorage</c>, active-active.</summary>
    public static EventSourceType AzureQueueStorage { get; } = Define("azureQueueStorage", "azureQueueStorage", HighAvailabilityMode.ActiveActive, spec => spec.AzureQueueStorage);

    /// <summary><c>azureServiceBus</c>: type <c>azureServiceBus</c>, active-passive.</summary>
    public static EventSourceType AzureServiceBus { get; } = Define("azureServiceBus", "azureServiceBus", HighAvailabilityMode.ActivePassive, spec => spec.AzureServiceBus);

    /// <summary><c>bitbucket</c>: type <c>bitbucket</c>, active-active.</summary>
    public static EventSourceType Bitbucket { get; } = Define("bitbucket", "bitbucket", HighAvailabilityMode.ActiveActive, spec => spec.Bitbucket);

    /// <summary><c>bitbucketserver</c>: type <c>bitbucketserver</c>, active-active.</summary>
    public static EventSourceType BitbucketServer { get; } = Define("bitbucketserver", "bitbucketserver", HighAvailabilityMode.ActiveActive, spec => spec.BitbucketServer);

    /// <summary><c>calendar</c>: type <c>calendar</c>, active-passive.</summary>
    public static EventSourceType Calendar { get; } = Define("calendar", "calendar", HighAvailabilityMode.ActivePassive, spec => spec.Calendar);

    /// <summary><c>emitter</c>: type <c>emitter</c>, active-passive.</summary>
    public static EventSourceType Emitter { get; } = Define("emitter", "emitter", HighAvailabilityMode.ActivePassive, spec => spec.Emitter);

    /// <summary><c>file</c>: type <c>file</c>, active-passive.</summary>
    public static EventSourceType File { get; } = Define("file", "file", HighAvailabilityMode.ActivePassive, spec => spec.File);

    /// <summary><c>generic</c>: type <c>generic</c>, active-passive.</summary>
    public static EventSourceType Generic { get; } = Define("generic", "generic", HighAvailabilityMode.ActivePassive, spec => spec.Generic);

    /// <summary><c>gerrit</c>: type <c>gerrit</c>, active-active.</summary>
    public static EventSourceType Gerrit { get; } = Define("gerrit", "gerrit", HighAvailabilityMode.ActiveActive, spec => spec.Gerrit);

    /// <summary><c>github</c>: type <c>github</c>, active-active.</summary>
    public static EventSourceType Github { get; } = Define("github", "github", HighAvailabilityMode.ActiveActive, spec => spec.Github);

    /// <summary><c>gitlab</c>: type <c>gitlab</c>, active-active.</summary>
    public static EventSourceType Gitlab { get; } = Define("gitlab", "gitlab", HighAvailabilityMode.ActiveActive, spec => spec.Gitlab);

    /// <summary><c>hdfs</c>: type <c>hdfs</c>, active-passive.</summary>
    public static EventSourceType Hdfs { get; } = Define("hdfs", "hdfs", HighAvailabilityMode.ActivePassive, spec => spec.Hdfs);

    /// <summary><c>kafka</c>: type <c>kafka</c>, active-passive.</summary>
    public static EventSourceType Kafka { get; } = Define("kafka", "kafka", HighAvailabilityMode.ActivePassive, spec => spec.Kafka);

    /// <summary><c>minio</c>: type <c>minio</c>, active-passive.</summary>
    public static EventSourceType Minio { get; } = Define("minio", "minio", HighAvailabilityMode.ActivePassive, spec => spec.Minio);

    /// <summary><c>mns</c>: type <c>mns</c>, active-active.</summary>
    public static EventSourceType Mns { get; } = Define("mns", "mns", HighAvailabilityMode.ActiveActive, spec => spec.Mns);

    /// <summary><c>mqtt</c>: type <c>mqtt</c>, active-passive.</summary>
    public static EventSourceType Mqtt { get; } = Define("mqtt", "mqtt", HighAvailabilityMode.ActivePassive, spec => spec.Mqtt);

    /// <summary><c>nats</c>: type <c>nats</c>, active-passive.</summary>
    public static EventSourceType Nats { get; } = Define("nats", "nats", HighAvailabilityMode.ActivePassive, spec => spec.Nats);

    /// <summary><c>nsq</c>: type <c>nsq</c>, active-passive.</summary>
    public static EventSourceType Nsq { get; } = Define("nsq", "nsq", HighAvailabilityMode.ActivePassive, spec => spec.Nsq);

    /// <summary><c>pubSub</c>: type <c>pubsub</c>, active-passive.</summary>
    public static EventSourceType PubSub { get; } = Define("pubSub", "pubsub", HighAvailabilityMode.ActivePassive, spec => spec.PubSub);

    /// <summary><c>pulsar</c>: type <c>pulsar</c>, active-passive.</summary>
    public static EventSourceType Pulsar { get; } = Define("pulsar", "pulsar", HighAvailabilityMode.ActivePassive, spec => spec.Pulsar);

    /// <summary><c>redis</c>: type <c>redis</c>, active-passive.</summary>
    public static EventSourceType Redis { get; } = Define("redis", "redis", HighAvailabilityMode.ActivePassive, spec => spec.Redis);

    /// <summary><c>redisStream</c>: type <c>redisStream</c>, active-passive.</summary>
    public static EventSourceType RedisStream { get; } = Define("redisStream", "redisStream", HighAvailabilityMode.ActivePassive, spec => spec.RedisStream);

    /// <summary><c>resource</c>: type <c>resource</c>, active-passive.</summary>
    public static EventSourceType Resource { get; } = Define("resource", "resource", HighAvailabilityMode.ActivePassive, spec => spec.Resource);

    /// <summary><c>sftp</c>: type <c>sftp</c>, active-passive.</summary>
    public static EventSourceType Sftp { get; } = Define("sftp", "sftp", HighAvailabilityMode.ActivePassive, spec => spec.Sftp);

    /// <summary><c>slack</c>: type <c>slack</c>, active-active.</summary>
    public static EventSourceType Slack { get; } = Define("slack", "slack", HighAvailabilityMode.ActiveActive, spec => spec.Slack);

    /// <summary><c>sns</c>: type <c>sns</c>, active-active.</summary>
    public static EventSourceType Sns { get; } = Define("sns", "sns", HighAvailabilityMode.ActiveActive, spec => spec.Sns);

    /// <summary><c>sqs</c>: type <c>sqs</c>, active-active.</summary>
    public static EventSourceType Sqs { get; } = Define("sqs", "sqs", HighAvailabilityMode.ActiveActive, spec => spec.Sqs);

    /// <summary><c>storageGrid</c>: type <c>storagegrid</c>, active-active.</summary>
    public static EventSourceType StorageGrid { get; } = Define("storageGrid", "storagegrid", HighAvailabilityMode.ActiveActive, spec => spec.StorageGrid);

    /// <summary><c>stripe</c>: type <c>stripe</c>, active-active.</summary>
    public static EventSourceType Stripe { get; } = Define("stripe", "stripe", HighAvailabilityMode.ActiveActive, spec => spec.Stripe);

    /// <summary><c>webhook</c>: type <c>webhook</c>, active-active.</summary>
    public static EventSourceType Webhook { get; } = Define("webhook", "webhook", HighAvailabilityMode.ActiveActive, spec => spec.Webhook);

    /// <summary>All types, ordered by spec key.</summary>
    public static IReadOnlyList<EventSourceType> All { get; } =
    [
        Amqp,
        AzureEventsHub,
        AzureQueueStorage,
        AzureServiceBus,
        Bitbucket,
        BitbucketServer,
        Calendar,
        Emitter,
        File,
        Generic,
        Gerrit,
        Github,
        Gitlab,
        Hdfs,
        Kafka,
        Minio,
        Mns,
        Mqtt,
        Nats,
        Nsq,
        PubSub,
        Pulsar,
        Redis,
        RedisStream,
        Resource,
        Sftp,
        Slack,
        Sns,
        Sqs,
        StorageGrid,
        Stripe,
        Webhook,
    ];

    /// <summary>Finds a type by its key under <c>spec</c> (<c>storageGrid</c>).</summary>
    public static bool TryGetBySpecKey(string specKey, [NotNullWhen(true)] out EventSourceType? type)
    {
        ArgumentNullException.ThrowIfNull(specKey);
        type = All.FirstOrDefault(t => t.SpecKey == specKey);
        return type is not null;
    }

    /// <summary>Finds a type by its type string (<c>storagegrid</c>).</summary>
    public static bool TryGetByTypeName(string typeName, [NotNullWhen(true)] out EventSourceType? type)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        type = All.FirstOrDefault(t => t.TypeName == typeName);
        return type is not null;
    }

    private static EventSourceType Define<TEntry>(
        string specKey,
        string typeName,
        HighAvailabilityMode highAvailability,
        Func<EventSourceSpec, IReadOnlyDictionary<string, TEntry>> map)
        where TEntry : EventSourceEntry =>
        new(specKey, typeName, highAvailability, typeof(TEntry), spec => map(spec).Select(e => new NamedEventSource(e.Key, e.Value)));
}
