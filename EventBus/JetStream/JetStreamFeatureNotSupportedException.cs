namespace ArgoEvents.EventBus.JetStream;

/// <summary>A JetStream feature was requested that the connected server is too old to honour.</summary>
public sealed class JetStreamFeatureNotSupportedException : NotSupportedException
{
    /// <summary>Creates the exception for a feature and the connected server's version.</summary>
    /// <param name="feature">The refused feature.</param>
    /// <param name="serverVersion">The connected server's version, or null when unknown.</param>
    public JetStreamFeatureNotSupportedException(JetStreamFeature feature, Version? serverVersion)
        : base(
            $"{JetStreamFeatures.Describe(feature)} needs nats-server {JetStreamFeatures.RequiredVersion(feature)} or newer; " +
            $"the connected server is {(serverVersion is null ? "of unknown version" : serverVersion.ToString())}. " +
            "Older servers silently ignore it, so the request was not sent.")
    {
        Feature = feature;
        RequiredVersion = JetStreamFeatures.RequiredVersion(feature);
        ServerVersion = serverVersion;
    }

    /// <summary>The refused feature.</summary>
    public JetStreamFeature Feature { get; }

    /// <summary>The oldest server version that supports it.</summary>
    public Version RequiredVersion { get; }

    /// <summary>The connected server's version, or null when unknown.</summary>
    public Version? ServerVersion { get; }
}
