using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>The validation rules of each event source type, one registration per type.</summary>
internal static class EventSourceRules
{
    private static readonly Dictionary<Type, Action<EventSourceEntry, ValidationScope>> ByEntryType = new()
    {
        [typeof(AmqpEventSource)] = For<AmqpEventSource>(AmqpEventSourceRules.Check),
        [typeof(AzureEventsHubEventSource)] = For<AzureEventsHubEventSource>(AzureEventsHubEventSourceRules.Check),
        [typeof(AzureQueueStorageEventSource)] = For<AzureQueueStorageEventSource>(AzureQueueStorageEventSourceRules.Check),
        [typeof(AzureServiceBusEventSource)] = For<AzureServiceBusEventSource>(AzureServiceBusEventSourceRules.Check),
        [typeof(BitbucketEventSource)] = For<BitbucketEventSource>(BitbucketEventSourceRules.Check),
        [typeof(BitbucketServerEventSource)] = For<BitbucketServerEventSource>(BitbucketServerEventSourceRules.Check),
        [typeof(CalendarEventSource)] = For<CalendarEventSource>(CalendarEventSourceRules.Check),
        [typeof(EmitterEventSource)] = For<EmitterEventSource>(EmitterEventSourceRules.Check),
        [typeof(FileEventSource)] = For<FileEventSource>(FileEventSourceRules.Check),
        [typeof(GenericEventSource)] = For<GenericEventSource>(GenericEventSourceRules.Check),
        [typeof(GerritEventSource)] = For<GerritEventSource>(GerritEventSourceRules.Check),
        [typeof(GithubEventSource)] = For<GithubEventSource>(GithubEventSourceRules.Check),
        [typeof(GitlabEventSource)] = For<GitlabEventSource>(GitlabEventSourceRules.Check),
        [typeof(HdfsEventSource)] = For<HdfsEventSource>(HdfsEventSourceRules.Check),
        [typeof(KafkaEventSource)] = For<KafkaEventSource>(KafkaEventSourceRules.Check),
        [typeof(S3Artifact)] = For<S3Artifact>(S3ArtifactRules.Check),
        [typeof(MnsEventSource)] = For<MnsEventSource>(MnsEventSourceRules.Check),
        [typeof(MqttEventSource)] = For<MqttEventSource>(MqttEventSourceRules.Check),
        [typeof(NatsEventSource)] = For<NatsEventSource>(NatsEventSourceRules.Check),
        [typeof(NsqEventSource)] = For<NsqEventSource>(NsqEventSourceRules.Check),
        [typeof(PubSubEventSource)] = For<PubSubEventSource>(PubSubEventSourceRules.Check),
        [typeof(PulsarEventSource)] = For<PulsarEventSource>(PulsarEventSourceRules.Check),
        [typeof(RedisEventSource)] = For<RedisEventSource>(RedisEventSourceRules.Check),
        [typeof(RedisStreamEventSource)] = For<RedisStreamEventSource>(RedisStreamEventSourceRules.Check),
        [typeof(ResourceEventSource)] = For<ResourceEventSource>(ResourceEventSourceRules.Check),
        [typeof(SftpEventSource)] = For<SftpEventSource>(SftpEventSourceRules.Check),
        [typeof(SlackEventSource)] = For<SlackEventSource>(SlackEventSourceRules.Check),
        [typeof(SnsEventSource)] = For<SnsEventSource>(SnsEventSourceRules.Check),
        [typeof(SqsEventSource)] = For<SqsEventSource>(SqsEventSourceRules.Check),
        [typeof(StorageGridEventSource)] = For<StorageGridEventSource>(StorageGridEventSourceRules.Check),
        [typeof(StripeEventSource)] = For<StripeEventSource>(StripeEventSourceRules.Check),
        [typeof(WebhookEventSource)] = For<WebhookEventSource>(WebhookEventSourceRules.Check),
    };

    public static bool Covers(Type entryType) => ByEntryType.ContainsKey(entryType);

    public static void Check(EventSourceEntry entry, ValidationScope scope)
    {
        if (!ByEntryType.TryGetValue(entry.GetType(), out var check))
        {
            throw new InvalidOperationException($"No validation rules are registered for {entry.GetType().Name}.");
        }

        check(entry, scope);
    }

    private static Action<EventSourceEntry, ValidationScope> For<TEntry>(Action<TEntry, ValidationScope> check)
        where TEntry : EventSourceEntry =>
        (entry, scope) => check((TEntry)entry, scope);
}
