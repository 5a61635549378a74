namespace ArgoEvents.EventBus.JetStream;

/// <summary>Header names JetStream reads on publish and writes on delivery.</summary>
public static class JetStreamHeaders
{
    /// <summary>Message id for de-duplication inside the stream's duplicate window.</summary>
    public const string MsgId = "Nats-Msg-Id";

    /// <summary>The publish is refused unless it lands in this stream.</summary>
    public const string ExpectedStream = "Nats-Expected-Stream";

    /// <summary>The publish is refused unless the stream's last sequence is this.</summary>
    public const string ExpectedLastSequence = "Nats-Expected-Last-Sequence";

    /// <summary>The publish is refused unless the subject's last sequence is this (0: the subject has no message).</summary>
    public const string ExpectedLastSubjectSequence = "Nats-Expected-Last-Subject-Sequence";

    /// <summary>The publish is refused unless the stream's last message id is this.</summary>
    public const string ExpectedLastMsgId = "Nats-Expected-Last-Msg-Id";

    /// <summary>Roll up: <c>sub</c> removes older messages of the subject, <c>all</c> of the stream.</summary>
    public const string Rollup = "Nats-Rollup";

    /// <summary>Per-message TTL (nats-server 2.11+).</summary>
    public const string Ttl = "Nats-TTL";

    /// <summary>Stream of a message returned by a direct get.</summary>
    public const string Stream = "Nats-Stream";

    /// <summary>Subject of a message returned by a direct get.</summary>
    public const string Subject = "Nats-Subject";

    /// <summary>Sequence of a message returned by a direct get.</summary>
    public const string Sequence = "Nats-Sequence";

    /// <summary>Store time (RFC 3339) of a message returned by a direct get.</summary>
    public const string TimeStamp = "Nats-Time-Stamp";

    /// <summary>Unfilled messages of a pull request that ended (408/409).</summary>
    public const string PendingMessages = "Nats-Pending-Messages";

    /// <summary>Unfilled bytes of a pull request that ended (408/409).</summary>
    public const string PendingBytes = "Nats-Pending-Bytes";

    /// <summary>Last consumer sequence delivered, on idle heartbeats.</summary>
    public const string LastConsumer = "Nats-Last-Consumer";

    /// <summary>Last stream sequence delivered, on idle heartbeats.</summary>
    public const string LastStream = "Nats-Last-Stream";

    /// <summary>Flow-control subject a stalled push consumer waits on, on idle heartbeats.</summary>
    public const string ConsumerStalled = "Nats-Consumer-Stalled";
}
