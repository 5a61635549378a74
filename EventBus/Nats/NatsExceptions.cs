namespace ArgoEvents.EventBus.Nats;

/// <summary>Base of every error raised by the NATS client.</summary>
public class NatsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NatsException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public NatsException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The client could not connect, or the connection is closed.</summary>
public class NatsConnectionException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsConnectionException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public NatsConnectionException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The server refused the credentials (<c>-ERR 'Authorization Violation'</c>).</summary>
public sealed class NatsAuthorizationException : NatsConnectionException
{
    /// <summary>Creates the exception.</summary>
    public NatsAuthorizationException(string message) : base(message) { }
}

/// <summary>The server answered a request with status 503: nobody subscribes to the subject.</summary>
public sealed class NatsNoRespondersException : NatsException
{
    /// <summary>Creates the exception for the subject that had no responders.</summary>
    public NatsNoRespondersException(string subject) : base($"No responders are available for the request to '{subject}'.") => Subject = subject;

    /// <summary>The subject of the request.</summary>
    public string Subject { get; }
}

/// <summary>A request got no reply in time.</summary>
public sealed class NatsTimeoutException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsTimeoutException(string subject, TimeSpan timeout)
        : base($"The request to '{subject}' got no reply within {timeout.TotalMilliseconds:0} ms.")
    {
        Subject = subject;
        Timeout = timeout;
    }

    /// <summary>The subject of the request.</summary>
    public string Subject { get; }

    /// <summary>The time that was allowed.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>A message is larger than the server's <c>max_payload</c>; it was not sent and the connection stays up.</summary>
public sealed class NatsPayloadTooLargeException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsPayloadTooLargeException(string subject, long size, long maxPayload)
        : base($"The message to '{subject}' is {size} bytes (headers plus payload); the server accepts at most {maxPayload} bytes (max_payload).")
    {
        Size = size;
        MaxPayload = maxPayload;
    }

    /// <summary>Size of the refused message.</summary>
    public long Size { get; }

    /// <summary>The server's limit.</summary>
    public long MaxPayload { get; }
}

/// <summary>The connection is down and its reconnect buffer is full; the message was not accepted.</summary>
public sealed class NatsReconnectBufferFullException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsReconnectBufferFullException(int limit)
        : base($"The connection is reconnecting and its buffer of {limit} bytes is full; the message was not accepted.") { }
}

/// <summary>A subject, queue group or header is not valid on the wire.</summary>
public sealed class NatsProtocolArgumentException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public NatsProtocolArgumentException(string message, string paramName) : base(message, paramName) { }
}

/// <summary>The server sent bytes that do not follow the protocol.</summary>
public sealed class NatsProtocolException : NatsException
{
    /// <summary>Creates the exception.</summary>
    public NatsProtocolException(string message) : base(message) { }
}
