namespace ArgoEvents.Api.V1Alpha1;

/// <summary>JetStream retention policy as <c>streamConfig.retention</c> numbers it.</summary>
public enum StreamRetentionPolicy
{
    /// <summary>0: keep messages until a limit (count, bytes, age) is reached.</summary>
    Limits = 0,

    /// <summary>1: keep messages while a consumer is interested in them.</summary>
    Interest = 1,

    /// <summary>2: remove each message once it is acknowledged.</summary>
    WorkQueue = 2,
}
