using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using Xunit;

namespace ArgoEvents.EventBus.Tests.JetStream.Unit;

public sealed class JetStreamFeaturesTests
{
    private static readonly Version Server2_9_10 = new(2, 9, 10);

    public static TheoryData<JetStreamFeature> AllFeatures() => new(Enum.GetValues<JetStreamFeature>());

    [Theory]
    [MemberData(nameof(AllFeatures))]
    public void Every_feature_is_refused_on_2_9_10_naming_feature_and_versions(JetStreamFeature feature)
    {
        var ex = Assert.Throws<JetStreamFeatureNotSupportedException>(() => JetStreamFeatures.EnsureSupported(Server2_9_10, feature));

        Assert.IsAssignableFrom<NotSupportedException>(ex);
        Assert.Equal(feature, ex.Feature);
        Assert.Contains(JetStreamFeatures.Describe(feature), ex.Message, StringComparison.Ordinal);
        Assert.Contains(JetStreamFeatures.RequiredVersion(feature).ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("2.9.10", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllFeatures))]
    public void Every_feature_is_accepted_from_its_required_version(JetStreamFeature feature)
    {
        var required = JetStreamFeatures.RequiredVersion(feature);

        JetStreamFeatures.EnsureSupported(required, feature);
        JetStreamFeatures.EnsureSupported(new Version(required.Major, required.Minor, required.Build, 0), feature);
        Assert.True(JetStreamFeatures.IsSupported(new Version(3, 0, 0), feature));
    }

    [Theory]
    [InlineData(JetStreamFeature.TerminateWithReason, 2, 10, 3)]
    [InlineData(JetStreamFeature.PerMessageTtl, 2, 10, 22)]
    [InlineData(JetStreamFeature.MultipleFilterSubjects, 2, 9, 99)]
    public void Feature_is_refused_one_version_below(JetStreamFeature feature, int major, int minor, int patch)
    {
        Assert.False(JetStreamFeatures.IsSupported(new Version(major, minor, patch), feature));
    }

    [Fact]
    public void Unknown_server_version_is_refused()
    {
        var ex = Assert.Throws<JetStreamFeatureNotSupportedException>(() => JetStreamFeatures.EnsureSupported(null, JetStreamFeature.StreamMetadata));

        Assert.Null(ex.ServerVersion);
        Assert.Contains("unknown version", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<StreamConfig, JetStreamFeature> NewerStreamConfigs() => new()
    {
        { new StreamConfig("S") { Compression = StreamCompression.S2 }, JetStreamFeature.StreamCompression },
        { new StreamConfig("S") { SubjectTransform = new SubjectTransform { Source = "a", Destination = "b" } }, JetStreamFeature.StreamSubjectTransform },
        { new StreamConfig("S") { Metadata = new Dictionary<string, string> { ["k"] = "v" } }, JetStreamFeature.StreamMetadata },
        { new StreamConfig("S") { FirstSequence = 100 }, JetStreamFeature.StreamFirstSequence },
        { new StreamConfig("S") { ConsumerLimits = new StreamConsumerLimits { MaxAckPending = 1 } }, JetStreamFeature.StreamConsumerLimits },
        { new StreamConfig("S") { AllowMsgTtl = true }, JetStreamFeature.PerMessageTtl },
    };

    [Theory]
    [MemberData(nameof(NewerStreamConfigs))]
    public void Stream_config_with_a_newer_field_is_refused_on_2_9(StreamConfig config, JetStreamFeature feature)
    {
        var ex = Assert.Throws<JetStreamFeatureNotSupportedException>(() => JetStreamConfigGate.EnsureSupported(config, Server2_9_10));

        Assert.Equal(feature, ex.Feature);
        JetStreamConfigGate.EnsureSupported(config, new Version(2, 12, 0));
    }

    [Fact]
    public void Plain_stream_config_and_explicit_no_compression_pass_on_2_9()
    {
        JetStreamConfigGate.EnsureSupported(new StreamConfig("S", "s.>") { NumReplicas = 3, AllowDirect = true }, Server2_9_10);
        JetStreamConfigGate.EnsureSupported(new StreamConfig("S") { Compression = StreamCompression.None, Metadata = new Dictionary<string, string>() }, Server2_9_10);
    }

    [Fact]
    public void Consumer_with_filter_subjects_is_refused_on_2_9_but_a_single_filter_subject_passes()
    {
        var ex = Assert.Throws<JetStreamFeatureNotSupportedException>(
            () => JetStreamConfigGate.EnsureSupported(new ConsumerConfig("c") { FilterSubjects = ["a", "b"] }, Server2_9_10));

        Assert.Equal(JetStreamFeature.MultipleFilterSubjects, ex.Feature);
        Assert.Contains("FilterSubject", ex.Message, StringComparison.Ordinal);
        JetStreamConfigGate.EnsureSupported(new ConsumerConfig("c") { FilterSubject = "a" }, Server2_9_10);
        JetStreamConfigGate.EnsureSupported(new ConsumerConfig("c") { FilterSubjects = ["a", "b"] }, new Version(2, 10, 0));
    }

    [Fact]
    public void Consumer_metadata_is_refused_on_2_9()
    {
        var ex = Assert.Throws<JetStreamFeatureNotSupportedException>(
            () => JetStreamConfigGate.EnsureSupported(new ConsumerConfig("c") { Metadata = new Dictionary<string, string> { ["k"] = "v" } }, Server2_9_10));

        Assert.Equal(JetStreamFeature.ConsumerMetadata, ex.Feature);
    }
}
