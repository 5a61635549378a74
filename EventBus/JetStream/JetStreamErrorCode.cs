namespace ArgoEvents.EventBus.JetStream;

/// <summary>Well-known JetStream <c>err_code</c> values, as nats-server 2.9.10 sends them.</summary>
public static class JetStreamErrorCode
{
    /// <summary>JetStream is temporarily unavailable, e.g. no meta leader (503).</summary>
    public const int ClusterNotAvailable = 10008;

    /// <summary>Consumer not found (404).</summary>
    public const int ConsumerNotFound = 10014;

    /// <summary>No message found for a get (404).</summary>
    public const int NoMessageFound = 10037;

    /// <summary>JetStream is not enabled for the account (503).</summary>
    public const int NotEnabledForAccount = 10039;

    /// <summary>The stream name is in use with a different configuration (400).</summary>
    public const int StreamNameInUse = 10058;

    /// <summary>Stream not found (404).</summary>
    public const int StreamNotFound = 10059;

    /// <summary>The stream's subjects overlap with another stream's.</summary>
    public const int StreamSubjectOverlap = 10065;

    /// <summary>The <c>Nats-Expected-Stream</c> header names another stream (400).</summary>
    public const int StreamMismatch = 10060;

    /// <summary>The <c>Nats-Expected-Last-Msg-Id</c> header does not match (400).</summary>
    public const int WrongLastMsgId = 10070;

    /// <summary>
    /// The expected last (subject) sequence does not match; the text carries the current one:
    /// "wrong last sequence: N" (400).
    /// </summary>
    public const int WrongLastSequence = 10071;

    /// <summary>Replicas above 1 on a server that is not clustered (500).</summary>
    public const int ReplicasNotSupported = 10074;

    /// <summary>JetStream is not enabled on the server (503).</summary>
    public const int NotEnabled = 10076;

    /// <summary>An invalid consumer policy combination, e.g. last_per_subject without a filter on 2.9 (400).</summary>
    public const int ConsumerInvalidPolicy = 10094;

    /// <summary>The filter in the consumer create subject differs from the config's filter_subject (400).</summary>
    public const int ConsumerCreateFilterSubjectMismatch = 10131;
}
