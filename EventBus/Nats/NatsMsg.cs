namespace ArgoEvents.EventBus.Nats;

/// <summary>A message received from the server. <see cref="Data"/> is the message's own copy and stays valid.</summary>
public readonly struct NatsMsg
{
    /// <summary>Creates a message.</summary>
    public NatsMsg(string subject, string? replyTo, NatsHeaders? headers, ReadOnlyMemory<byte> data, NatsConnection? connection)
    {
        Subject = subject;
        ReplyTo = replyTo;
        Headers = headers;
        Data = data;
        Connection = connection;
    }

    /// <summary>The subject the message was published to.</summary>
    public string Subject { get; }

    /// <summary>Where a reply goes, when the publisher asked for one.</summary>
    public string? ReplyTo { get; }

    /// <summary>Headers, when the message had any.</summary>
    public NatsHeaders? Headers { get; }

    /// <summary>The payload.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The connection that received the message.</summary>
    public NatsConnection? Connection { get; }

    /// <summary>Status code from the header line, or 0.</summary>
    public int Status => Headers?.Status ?? 0;

    /// <summary>Status description from the header line.</summary>
    public string? StatusDescription => Headers?.StatusDescription;

    /// <summary>Publishes a reply to <see cref="ReplyTo"/>.</summary>
    public ValueTask ReplyAsync(ReadOnlyMemory<byte> data, NatsHeaders? headers = null, CancellationToken cancellationToken = default)
    {
        if (ReplyTo is null)
        {
            throw new InvalidOperationException($"The message on '{Subject}' has no reply subject.");
        }

        if (Connection is null)
        {
            throw new InvalidOperationException($"The message on '{Subject}' is not bound to a connection.");
        }

        return Connection.PublishAsync(ReplyTo, data, headers, null, cancellationToken);
    }
}
