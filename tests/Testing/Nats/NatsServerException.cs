namespace ArgoEvents.Testing.Nats;

/// <summary>A test server did not start, stop or become healthy; the message carries its recent log lines.</summary>
public sealed class NatsServerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NatsServerException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NatsServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NatsServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, recording whether a port was already taken by someone else.</summary>
    public NatsServerException(string message, bool portConflict)
        : base(message)
    {
        PortConflict = portConflict;
    }

    /// <summary>
    /// True when the server could not bind one of its ports. Ports are picked free but another process on
    /// the machine can take one in the meantime; callers may retry with fresh ports.
    /// </summary>
    public bool PortConflict { get; }
}
