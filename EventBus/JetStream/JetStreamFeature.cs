namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// JetStream features newer than nats-server 2.9. Older servers silently ignore most of them, so the client
/// refuses them up front; <see cref="JetStreamFeatures"/> knows the version each one needs.
/// </summary>
public enum JetStreamFeature
{
    /// <summary>A consumer with several filter subjects (<c>filter_subjects</c>).</summary>
    MultipleFilterSubjects,

    /// <summary>The <c>action</c> (create-only / update-only) of a consumer create request.</summary>
    ConsumerCreateAction,

    /// <summary>Metadata on a consumer.</summary>
    ConsumerMetadata,

    /// <summary>Stream compression.</summary>
    StreamCompression,

    /// <summary>A stream's subject transform.</summary>
    StreamSubjectTransform,

    /// <summary>Metadata on a stream.</summary>
    StreamMetadata,

    /// <summary>A stream's first sequence.</summary>
    StreamFirstSequence,

    /// <summary>A stream's consumer limits.</summary>
    StreamConsumerLimits,

    /// <summary>A reason on <c>+TERM</c>.</summary>
    TerminateWithReason,

    /// <summary>Per-message TTL (<c>Nats-TTL</c> header, <c>allow_msg_ttl</c>).</summary>
    PerMessageTtl,
}
