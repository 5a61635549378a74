using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>A JetStream operation failed: the server refused it or answered with something unusable.</summary>
public class JetStreamException : NatsException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public JetStreamException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public JetStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
