namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// A trigger parameter could not be applied: its value did not resolve, its operation is unknown, its <c>dest</c>
/// cannot be set, or the result no longer fits the model. The message names the parameter (dest and dependency) and
/// the cause, with Argo's wording where Argo has one.
/// </summary>
public sealed class TriggerParameterException : Exception
{
    /// <summary>Creates the exception for the parameter writing to <paramref name="dest"/> from <paramref name="dependencyName"/>.</summary>
    public TriggerParameterException(string? dest, string? dependencyName, string cause)
        : base($"trigger parameter (dest '{dest}', dependency '{dependencyName}'): {cause}")
    {
        Dest = dest;
        DependencyName = dependencyName;
        Cause = cause;
    }

    /// <summary>Creates the exception for the parameter, with the underlying exception.</summary>
    public TriggerParameterException(string? dest, string? dependencyName, string cause, Exception innerException)
        : base($"trigger parameter (dest '{dest}', dependency '{dependencyName}'): {cause}", innerException)
    {
        Dest = dest;
        DependencyName = dependencyName;
        Cause = cause;
    }

    /// <summary>Creates an exception about the parameters as a whole, such as a result that no longer fits the model.</summary>
    public TriggerParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
        Cause = message;
    }

    /// <summary>The <c>dest</c> of the parameter, when one parameter is at fault.</summary>
    public string? Dest { get; }

    /// <summary>The <c>src.dependencyName</c> of the parameter, when one parameter is at fault.</summary>
    public string? DependencyName { get; }

    /// <summary>What went wrong, without the parameter prefix (Argo's own message where it has one).</summary>
    public string Cause { get; }
}
