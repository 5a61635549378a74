namespace ArgoEvents.EventSources.Sources.Mqtt;

/// <summary>An mqtt event cannot run: the broker stayed unreachable, refused the login, or refused the subscription.</summary>
public sealed class MqttSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttSourceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MqttSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
