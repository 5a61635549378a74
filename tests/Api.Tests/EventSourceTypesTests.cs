using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Api.Validation;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class EventSourceTypesTests
{
    public static TheoryData<string> SpecKeys() => [.. EventSourceTypes.All.Select(t => t.SpecKey)];

    [Fact]
    public void Every_type_of_Argo_1_9_is_known()
    {
        string[] expected =
        [
            "amqp", "azureEventsHub", "azureQueueStorage", "azureServiceBus", "bitbucket", "bitbucketserver", "calendar",
            "emitter", "file", "generic", "gerrit", "github", "gitlab", "hdfs", "kafka", "minio", "mns", "mqtt", "nats",
            "nsq", "pubSub", "pulsar", "redis", "redisStream", "resource", "sftp", "slack", "sns", "sqs", "storageGrid",
            "stripe", "webhook",
        ];

        Assert.Equal(expected, EventSourceTypes.All.Select(t => t.SpecKey));
    }

    [Fact]
    public void Type_strings_follow_Argo()
    {
        Assert.Equal("pubsub", EventSourceTypes.PubSub.TypeName);
        Assert.Equal("storagegrid", EventSourceTypes.StorageGrid.TypeName);
        Assert.Equal("redisStream", EventSourceTypes.RedisStream.TypeName);
        Assert.All(
            EventSourceTypes.All.Where(t => t != EventSourceTypes.PubSub && t != EventSourceTypes.StorageGrid),
            t => Assert.Equal(t.SpecKey, t.TypeName));
        Assert.True(EventSourceTypes.TryGetByTypeName("storagegrid", out var byName));
        Assert.Same(EventSourceTypes.StorageGrid, byName);
        Assert.True(EventSourceTypes.TryGetBySpecKey("pubSub", out var byKey));
        Assert.Same(EventSourceTypes.PubSub, byKey);
        Assert.False(EventSourceTypes.TryGetBySpecKey("pubsub", out _));
    }

    [Fact]
    public void High_availability_follows_Argo_s_code()
    {
        string[] activeActive =
        [
            "azureQueueStorage", "bitbucket", "bitbucketserver", "gerrit", "github", "gitlab", "mns", "slack", "sns", "sqs",
            "storageGrid", "stripe", "webhook",
        ];

        foreach (var type in EventSourceTypes.All)
        {
            var expected = activeActive.Contains(type.SpecKey) ? HighAvailabilityMode.ActiveActive : HighAvailabilityMode.ActivePassive;
            Assert.True(expected == type.HighAvailability, $"{type.SpecKey} should be {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(SpecKeys))]
    public void Each_type_has_its_map_in_the_spec_and_knows_its_type(string specKey)
    {
        Assert.True(EventSourceTypes.TryGetBySpecKey(specKey, out var type));

        var es = Manifests.EventSource($"{specKey}:\n  example: {{}}");

        var named = Assert.Single(es.Spec.Events);
        Assert.Equal("example", named.Name);
        Assert.Same(type, named.Type);
        Assert.IsType(type.EntryType, named.Source);
        Assert.Equal(type.HighAvailability, es.Spec.HighAvailability);
    }

    [Theory]
    [MemberData(nameof(SpecKeys))]
    public void Each_type_has_validation_rules(string specKey)
    {
        Assert.True(EventSourceTypes.TryGetBySpecKey(specKey, out var type));

        Assert.True(EventSourceRules.Covers(type.EntryType));
        Assert.NotEmpty(Manifests.EventSource($"{specKey}:\n  example: {{}}").Validate());
    }

    [Fact]
    public void Spec_defaults_follow_Argo()
    {
        var es = Manifests.EventSource("sqs:\n  q: {region: r, queue: q}");

        Assert.Equal("default", es.Spec.EffectiveEventBusName);
        Assert.Equal(1, es.Spec.EffectiveReplicas);
        Assert.Equal(3, Manifests.EventSource("replicas: 3\nreplica: 2\nsqs:\n  q: {region: r, queue: q}").Spec.EffectiveReplicas);
        Assert.Null(new EventSourceSpec().HighAvailability);
    }

    [Fact]
    public void The_webhook_context_sits_beside_the_filter()
    {
        var es = Manifests.EventSource("""
            webhook:
              example:
                endpoint: /x
                port: "12000"
                method: POST
                url: https://hooks.example.com
                maxPayloadSize: 1024
                metadata: {team: a}
                filter:
                  expression: body.kind == "x"
            """);

        var hook = es.Spec.Webhook["example"];
        Assert.Equal("https://hooks.example.com", hook.Context.Url);
        Assert.Equal(1024, hook.Context.EffectiveMaxPayloadSize);
        Assert.Equal("a", hook.Context.Metadata["team"]);
        Assert.Equal("body.kind == \"x\"", hook.Filter!.Expression);
        Assert.Equal(WebhookContext.DefaultMaxPayloadSize, new WebhookContext().EffectiveMaxPayloadSize);
    }
}
