namespace ArgoEvents.EventBus.JetStream;

/// <summary>Settings of a <see cref="JetStreamContext"/>.</summary>
public sealed record JetStreamOptions
{
    /// <summary>The default API prefix.</summary>
    public const string DefaultApiPrefix = "$JS.API";

    /// <summary>
    /// The subject prefix of the JetStream API, for JetStream imported from another account. Leave null for the
    /// local account (<c>$JS.API</c>); cannot be combined with <see cref="Domain"/>.
    /// </summary>
    public string? ApiPrefix { get; init; }

    /// <summary>The JetStream domain to talk to (API prefix <c>$JS.&lt;domain&gt;.API</c>); null for the local one.</summary>
    public string? Domain { get; init; }

    /// <summary>Time allowed for each API request; null uses the connection's request timeout.</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>
    /// Retries of a publish after a 503 (no stream leader yet) or, when the message has a <c>Nats-Msg-Id</c>, after
    /// a timeout. The caller's cancellation token bounds the retries too.
    /// </summary>
    public int PublishRetryAttempts { get; init; } = 2;

    /// <summary>Wait before retrying a publish that got a 503.</summary>
    public TimeSpan PublishRetryWait { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Time allowed for one publish attempt to be acknowledged; null uses the connection's request timeout.</summary>
    public TimeSpan? PublishAttemptTimeout { get; init; }

    internal string ResolveApiPrefix()
    {
        if (ApiPrefix is not null && Domain is not null)
        {
            throw new ArgumentException("JetStreamOptions.ApiPrefix and JetStreamOptions.Domain cannot both be set: a domain implies the prefix $JS.<domain>.API.", nameof(ApiPrefix));
        }

        if (Domain is not null)
        {
            if (Domain.Length == 0 || Domain.AsSpan().IndexOfAny(". *>\t\r\n") >= 0)
            {
                throw new ArgumentException($"JetStreamOptions.Domain '{Domain}' must be a single non-empty subject token.", nameof(Domain));
            }

            return $"$JS.{Domain}.API";
        }

        if (ApiPrefix is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ApiPrefix, nameof(ApiPrefix));
            return ApiPrefix.TrimEnd('.');
        }

        return DefaultApiPrefix;
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(PublishRetryAttempts, nameof(PublishRetryAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(PublishRetryWait, TimeSpan.Zero, nameof(PublishRetryWait));
        if (RequestTimeout is { } request && request <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), request, "JetStreamOptions.RequestTimeout must be positive.");
        }

        if (PublishAttemptTimeout is { } attempt && attempt <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PublishAttemptTimeout), attempt, "JetStreamOptions.PublishAttemptTimeout must be positive.");
        }
    }
}
