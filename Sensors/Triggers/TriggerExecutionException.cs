namespace ArgoEvents.Sensors.Triggers;

/// <summary>A trigger's action failed or its policy did not hold; the message says what the target answered.</summary>
public sealed class TriggerExecutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TriggerExecutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TriggerExecutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
