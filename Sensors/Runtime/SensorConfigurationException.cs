namespace ArgoEvents.Sensors.Runtime;

/// <summary>A Sensor cannot run as declared; the message lists every problem with the field at fault.</summary>
public sealed class SensorConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SensorConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SensorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
