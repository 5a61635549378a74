using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class StreamConfigTests
{
    [Fact]
    public void A_jetstream_streamConfig_string_is_read_as_typed_settings()
    {
        var bus = Manifests.EventBus("""
            jetstream:
              version: latest
              streamConfig: |
                maxMsgs: 100000
                maxAge: 72h
                maxBytes: -1
                replicas: 3
                duplicates: 5m
                retention: 1
                discard: 1
            """);

        var config = bus.Spec.JetStream!.StreamConfig!;
        Assert.Equal(100_000, config.MaxMsgs);
        Assert.Equal(TimeSpan.FromHours(72), config.MaxAge!.Value.Value);
        Assert.Equal(-1, config.MaxBytes);
        Assert.Equal(3, config.Replicas);
        Assert.Equal(TimeSpan.FromMinutes(5), config.Duplicates!.Value.Value);
        Assert.Equal(StreamRetentionPolicy.Interest, config.Retention);
        Assert.Equal(StreamDiscardPolicy.New, config.Discard);
        Assert.Empty(bus.Validate());
    }

    [Fact]
    public void Settings_not_written_stay_null_so_the_defaults_apply()
    {
        var config = JetStreamStreamConfig.Parse("maxAge: 24h\n");

        Assert.Equal(TimeSpan.FromHours(24), config.MaxAge!.Value.Value);
        Assert.Null(config.MaxMsgs);
        Assert.Null(config.Replicas);
        Assert.Null(config.Retention);
        Assert.Null(config.Discard);
    }

    [Fact]
    public void Keys_match_without_regard_to_case_as_in_Argo()
    {
        var config = JetStreamStreamConfig.Parse("MaxMsgs: 5\nDiscard: 1\n");

        Assert.Equal(5, config.MaxMsgs);
        Assert.Equal(StreamDiscardPolicy.New, config.Discard);
    }

    [Fact]
    public void A_bare_number_duration_counts_nanoseconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), JetStreamStreamConfig.Parse("duplicates: 2000000000").Duplicates!.Value.Value);
    }

    [Theory]
    [InlineData("maxMsg: 5", "has the unknown key 'maxMsg' (line 1 of the embedded YAML)")]
    [InlineData("maxAge: forever", "key 'maxAge' is not a valid duration")]
    [InlineData("replicas: three", "key 'replicas' must be an integer, got 'three'")]
    [InlineData("retention: [1]", "key 'retention' must be a single value, not a sequence")]
    [InlineData("- maxMsgs", "must hold a YAML mapping")]
    public void Bad_settings_are_refused_with_the_reason(string yaml, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => JetStreamStreamConfig.Parse(yaml));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_streamConfig_in_a_manifest_names_the_field_and_its_position()
    {
        var error = Manifests.LoadError("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventBus
            metadata:
              name: default
            spec:
              jetstream:
                version: latest
                streamConfig: |
                  maxAge: 72h
                  retentoin: 1
            """);

        Assert.Equal(
            "test.yaml:8:19: field 'spec.jetstream.streamConfig' has the unknown key 'retentoin' (line 2 of the embedded YAML); known keys: maxMsgs, maxAge, maxBytes, replicas, duplicates, retention, discard",
            error.ToString());
    }

    [Fact]
    public void The_streamConfig_text_is_written_back_unchanged()
    {
        var bus = Manifests.EventBus("jetstreamExotic:\n  url: nats://js:4222\n  streamConfig: \"maxAge: 1h\"\n");

        Assert.Contains("\"streamConfig\":\"maxAge: 1h\"", bus.ToJson(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(1), bus.Spec.JetStreamExotic!.StreamConfig!.MaxAge!.Value.Value);
    }
}
