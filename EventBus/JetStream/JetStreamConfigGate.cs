using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>Refuses stream and consumer configurations that use features the connected server does not have.</summary>
internal static class JetStreamConfigGate
{
    public static void EnsureSupported(StreamConfig config, Version? serverVersion)
    {
        if (config.Compression is { } compression && compression != StreamCompression.None)
        {
            JetStreamFeatures.EnsureSupported(serverVersion, JetStreamFeature.StreamCompression);
        }

        if (config.SubjectTransform is not null)
        {
            JetStreamFeatures.EnsureSupported(serverVersion, JetStreamFeature.StreamSubjectTransform);
        }

        if (config.Metadata is { Count: > 0 })
        {
            JetStreamFeatures.EnsureSupported(serverVersion, JetStreamFeature.StreamMetadata);
        }

        if (config.FirstSequence is > 0)
        {
            JetStreamFeatures.EnsureSupported(serverVersion, JetStreamFeature.StreamFirstSequence);
        }

        if (config.ConsumerLimits is not null)
        {
            JetStreamFeatures.EnsureSupported(serverVersion, JetStreamFeature.StreamConsumerLimits);
        }

        if (config.AllowMsgTtl)
        {
            JetStreamFeatures.EnsureSupported(serverVersion, JetStreamFeature.PerMessageTtl);
        }
    }

    public static void EnsureSupported(ConsumerConfig config, Version? serverVersion)
    {
        if (config.FilterSubjects is { Count: > 0 })
        {
            JetStreamFeatures.EnsureSupported(serverVersion, JetStreamFeature.MultipleFilterSubjects);
        }

        if (config.Metadata is { Count: > 0 })
        {
            JetStreamFeatures.EnsureSupported(serverVersion, JetStreamFeature.ConsumerMetadata);
        }
    }
}
