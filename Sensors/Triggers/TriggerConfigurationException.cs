namespace ArgoEvents.Sensors.Triggers;

/// <summary>A trigger's spec cannot run here; the message names the field and what is wrong with it.</summary>
public sealed class TriggerConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TriggerConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TriggerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
