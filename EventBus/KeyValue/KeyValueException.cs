using ArgoEvents.EventBus.JetStream;

namespace ArgoEvents.EventBus.KeyValue;

/// <summary>A key-value operation failed.</summary>
public class KeyValueException : JetStreamException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public KeyValueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public KeyValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
