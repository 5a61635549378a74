namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>The broker could not be reached, refused the login, or dropped the connection.</summary>
public sealed class AmqpConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AmqpConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AmqpConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AmqpConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
