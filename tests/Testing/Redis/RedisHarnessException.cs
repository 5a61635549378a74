namespace ArgoEvents.Testing.Redis;

/// <summary>A test redis-server did not start or stop; the message carries its recent log lines.</summary>
public sealed class RedisHarnessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RedisHarnessException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RedisHarnessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RedisHarnessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, recording whether the port was already taken by someone else.</summary>
    public RedisHarnessException(string message, bool portConflict)
        : base(message)
    {
        PortConflict = portConflict;
    }

    /// <summary>Whether the server exited because a port was in use, which a retry with fresh ports cures.</summary>
    public bool PortConflict { get; }
}
