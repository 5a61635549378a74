namespace ArgoEvents.EventBus.JetStream;

/// <summary>De-duplication and optimistic-concurrency conditions of one publish.</summary>
public sealed record JetStreamPublishOptions
{
    /// <summary>Message id: a repeat inside the duplicate window is acknowledged as a duplicate and not stored. Makes timeouts retryable.</summary>
    public string? MsgId { get; init; }

    /// <summary>Refuse unless the message lands in this stream (error <see cref="JetStreamErrorCode.StreamMismatch"/>).</summary>
    public string? ExpectedStream { get; init; }

    /// <summary>Refuse unless the stream's last sequence is this (error <see cref="JetStreamErrorCode.WrongLastSequence"/>).</summary>
    public ulong? ExpectedLastSequence { get; init; }

    /// <summary>Refuse unless the subject's last sequence is this; 0 means "no message yet" (error <see cref="JetStreamErrorCode.WrongLastSequence"/>).</summary>
    public ulong? ExpectedLastSubjectSequence { get; init; }

    /// <summary>Refuse unless the stream's last message id is this (error <see cref="JetStreamErrorCode.WrongLastMsgId"/>).</summary>
    public string? ExpectedLastMsgId { get; init; }

    /// <summary>Per-message TTL; needs nats-server 2.11 and a stream with <c>allow_msg_ttl</c>.</summary>
    public TimeSpan? Ttl { get; init; }
}
