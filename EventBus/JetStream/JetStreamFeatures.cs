namespace ArgoEvents.EventBus.JetStream;

/// <summary>The nats-server version each <see cref="JetStreamFeature"/> needs, and the check that refuses it on older servers.</summary>
public static class JetStreamFeatures
{
    private static readonly Version V2_10_0 = new(2, 10, 0);
    private static readonly Version V2_10_4 = new(2, 10, 4);
    private static readonly Version V2_11_0 = new(2, 11, 0);

    /// <summary>The oldest server version that supports a feature.</summary>
    /// <param name="feature">The feature.</param>
    /// <returns>The version, as major.minor.patch.</returns>
    public static Version RequiredVersion(JetStreamFeature feature) => feature switch
    {
        JetStreamFeature.MultipleFilterSubjects => V2_10_0,
        JetStreamFeature.ConsumerCreateAction => V2_10_0,
        JetStreamFeature.ConsumerMetadata => V2_10_0,
        JetStreamFeature.StreamCompression => V2_10_0,
        JetStreamFeature.StreamSubjectTransform => V2_10_0,
        JetStreamFeature.StreamMetadata => V2_10_0,
        JetStreamFeature.StreamFirstSequence => V2_10_0,
        JetStreamFeature.StreamConsumerLimits => V2_10_0,
        JetStreamFeature.TerminateWithReason => V2_10_4,
        JetStreamFeature.PerMessageTtl => V2_11_0,
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Unknown JetStream feature."),
    };

    /// <summary>A short human description of a feature, naming the wire field it concerns.</summary>
    /// <param name="feature">The feature.</param>
    /// <returns>The description.</returns>
    public static string Describe(JetStreamFeature feature) => feature switch
    {
        JetStreamFeature.MultipleFilterSubjects => "consumer filter_subjects (several filter subjects; use FilterSubject for one)",
        JetStreamFeature.ConsumerCreateAction => "consumer create action (create-only or update-only)",
        JetStreamFeature.ConsumerMetadata => "consumer metadata",
        JetStreamFeature.StreamCompression => "stream compression",
        JetStreamFeature.StreamSubjectTransform => "stream subject_transform",
        JetStreamFeature.StreamMetadata => "stream metadata",
        JetStreamFeature.StreamFirstSequence => "stream first_seq",
        JetStreamFeature.StreamConsumerLimits => "stream consumer_limits",
        JetStreamFeature.TerminateWithReason => "+TERM with a reason",
        JetStreamFeature.PerMessageTtl => "per-message TTL (Nats-TTL header, allow_msg_ttl)",
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Unknown JetStream feature."),
    };

    /// <summary>True when a server of this version supports the feature.</summary>
    /// <param name="serverVersion">The connected server's version.</param>
    /// <param name="feature">The feature.</param>
    /// <returns>Whether the feature is available.</returns>
    public static bool IsSupported(Version serverVersion, JetStreamFeature feature)
    {
        ArgumentNullException.ThrowIfNull(serverVersion);
        return Normalize(serverVersion) >= RequiredVersion(feature);
    }

    /// <summary>Throws <see cref="JetStreamFeatureNotSupportedException"/> when the server is too old for the feature.</summary>
    /// <param name="serverVersion">The connected server's version; null when unknown, which counts as too old.</param>
    /// <param name="feature">The feature.</param>
    public static void EnsureSupported(Version? serverVersion, JetStreamFeature feature)
    {
        if (serverVersion is null || !IsSupported(serverVersion, feature))
        {
            throw new JetStreamFeatureNotSupportedException(feature, serverVersion);
        }
    }

    // A four-part version (2.10.4.0) must compare equal to 2.10.4, and a two-part one (2.10) as 2.10.0.
    private static Version Normalize(Version v) => new(v.Major, Math.Max(v.Minor, 0), Math.Max(v.Build, 0));
}
