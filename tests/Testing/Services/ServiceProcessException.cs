namespace ArgoEvents.Testing.Services;

/// <summary>A service process did not start, did not become ready, or did not exit; the message carries its output.</summary>
public sealed class ServiceProcessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServiceProcessException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ServiceProcessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ServiceProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, recording whether a port it was given was taken meanwhile.</summary>
    public ServiceProcessException(string message, bool portConflict)
        : base(message)
    {
        PortConflict = portConflict;
    }

    /// <summary>True when the process failed because a port it was given was taken meanwhile; a retry with fresh ports may cure it.</summary>
    public bool PortConflict { get; }
}
