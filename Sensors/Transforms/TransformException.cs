namespace ArgoEvents.Sensors.Transforms;

/// <summary>A dependency transform failed for one event; the event is dropped for that dependency, as Argo does.</summary>
public sealed class TransformException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransformException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public TransformException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
