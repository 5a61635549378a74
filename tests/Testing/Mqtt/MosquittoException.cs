namespace ArgoEvents.Testing.Mqtt;

/// <summary>A test broker did not start, stop or become ready; the message carries its recent log lines.</summary>
public sealed class MosquittoException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MosquittoException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MosquittoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MosquittoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, recording whether a port was already taken by someone else.</summary>
    public MosquittoException(string message, bool portConflict)
        : base(message)
    {
        PortConflict = portConflict;
    }

    /// <summary>True when the broker could not bind one of its ports; callers may retry with fresh ports.</summary>
    public bool PortConflict { get; }
}
