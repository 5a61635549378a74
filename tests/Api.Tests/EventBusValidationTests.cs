using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class EventBusValidationTests
{
    [Theory]
    [InlineData("jetstream:\n  version: latest")]
    [InlineData("jetstream:\n  version: 2.9.16\n  replicas: 1")]
    [InlineData("jetstream:\n  version: 2.9.16\n  replicas: 5")]
    [InlineData("nats:\n  native:\n    auth: token")]
    [InlineData("nats:\n  exotic:\n    url: nats://stan:4222\n    clusterID: stan")]
    [InlineData("kafka:\n  url: kafka:9092\n  consumerBatchMaxWait: \"0\"")]
    [InlineData("jetstreamExotic:\n  url: nats://js:4222\n  streamConfig: \"retention: 2\\ndiscard: 1\"")]
    public void Each_kind_of_bus_is_valid_when_complete(string spec)
    {
        Assert.Empty(Manifests.EventBus(spec).Validate());
    }

    [Fact]
    public void A_bus_needs_one_kind()
    {
        var error = Manifests.EventBusError("{}");

        Assert.Equal("field 'spec' needs one of nats, jetstream, kafka or jetstreamExotic", error.Message);
    }

    [Fact]
    public void A_bus_has_exactly_one_kind()
    {
        var error = Manifests.EventBusError("jetstream:\n  version: latest\nkafka:\n  url: k:9092");

        Assert.Equal("field 'spec' must have exactly one of nats, jetstream, kafka or jetstreamExotic, got jetstream and kafka", error.Message);
    }

    [Theory]
    [InlineData("nats: {}", "spec.nats", "needs native or exotic")]
    [InlineData("nats:\n  native: {}\n  exotic: {url: u, clusterID: c}", "spec.nats", "must not have both native and exotic")]
    [InlineData("nats:\n  exotic: {url: u}", "spec.nats.exotic.clusterID", "is required")]
    [InlineData("nats:\n  exotic: {clusterID: c}", "spec.nats.exotic.url", "is required")]
    [InlineData("jetstream:\n  replicas: 3", "spec.jetstream.version", "is required")]
    [InlineData("jetstream:\n  version: latest\n  replicas: 2", "spec.jetstream.replicas", "must be 1 or at least 3, got 2")]
    [InlineData("jetstream:\n  version: latest\n  replicas: 0", "spec.jetstream.replicas", "must be 1 or at least 3, got 0")]
    [InlineData("kafka:\n  topic: t", "spec.kafka.url", "is required")]
    [InlineData("jetstreamExotic:\n  accessSecret: {name: s, key: k}", "spec.jetstreamExotic.url", "is required")]
    [InlineData("jetstream:\n  version: latest\n  streamConfig: \"retention: 3\"", "spec.jetstream.streamConfig", "sets retention to 3; use 0 (limits), 1 (interest) or 2 (work queue)")]
    [InlineData("jetstream:\n  version: latest\n  streamConfig: \"discard: 2\"", "spec.jetstream.streamConfig", "sets discard to 2; use 0 (old) or 1 (new)")]
    [InlineData("jetstream:\n  version: latest\n  streamConfig: \"replicas: 7\"", "spec.jetstream.streamConfig", "sets replicas to 7; JetStream keeps 1 to 5 copies of a stream")]
    [InlineData("jetstream:\n  version: latest\n  streamConfig: \"maxMsgs: -2\"", "spec.jetstream.streamConfig", "sets maxMsgs to -2; use a count, or -1 for no limit")]
    [InlineData("jetstreamExotic:\n  url: u\n  streamConfig: \"maxBytes: -5\"", "spec.jetstreamExotic.streamConfig", "sets maxBytes to -5; use a size in bytes, or -1 for no limit")]
    public void Each_bus_rule_is_enforced(string spec, string path, string problem)
    {
        var error = Manifests.EventBusError(spec);

        Assert.Equal(path, error.Path);
        Assert.Equal($"field '{path}' {problem}", error.Message);
        Assert.NotNull(error.Location);
    }

    [Fact]
    public void A_bus_rule_error_points_at_the_field()
    {
        var error = Manifests.EventBusError("jetstream:\n  version: latest\n  replicas: 2");

        Assert.Equal(new SourceLocation("test.yaml", 8, 5), error.Location);
    }

    [Fact]
    public void The_bus_name_is_a_kubernetes_name()
    {
        var bus = ManifestLoader.LoadString("apiVersion: argoproj.io/v1alpha1\nkind: EventBus\nmetadata:\n  name: Default\nspec:\n  jetstream: {version: latest}\n");

        var error = Assert.Single(Assert.Single(bus).Validate());

        Assert.Equal("metadata.name", error.Path);
        Assert.Contains("must be a DNS-1123 subdomain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_is_accepted_and_ignored()
    {
        var bus = Manifests.EventBus("jetstream: {version: latest}\n");
        var withStatus = ManifestLoader.LoadString(
            "apiVersion: argoproj.io/v1alpha1\nkind: EventBus\nmetadata: {name: default}\nspec: {jetstream: {version: latest}}\nstatus:\n  config:\n    jetstream: {url: 'nats://x:4222'}\n  conditions: [{type: Deployed, status: 'True'}]\n");

        Assert.Empty(Assert.Single(withStatus).Validate());
        Assert.Null(bus.Status);
        Assert.NotNull(((EventBus)withStatus[0]).Status);
    }

    [Fact]
    public void Jetstream_replicas_default_to_three()
    {
        Assert.Equal(3, Manifests.EventBus("jetstream: {version: latest}").Spec.JetStream!.EffectiveReplicas);
        Assert.Equal(5, Manifests.EventBus("jetstream: {version: latest, replicas: 5}").Spec.JetStream!.EffectiveReplicas);
    }
}
