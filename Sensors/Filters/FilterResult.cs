namespace ArgoEvents.Sensors.Filters;

/// <summary>
/// The outcome of a filter, as Argo's <c>(bool, error)</c>: whether the event passed, and what went wrong. In OR mode an
/// event can pass with an error (Argo logs "passed but with filtering error").
/// </summary>
/// <param name="Passed">Whether the event passed.</param>
/// <param name="Error">The error message, or null.</param>
public readonly record struct FilterResult(bool Passed, string? Error)
{
    /// <summary>Passed, no error.</summary>
    public static FilterResult Pass => new(true, null);

    /// <summary>Rejected, no error.</summary>
    public static FilterResult Reject => new(false, null);

    /// <summary>Rejected with <paramref name="error"/>.</summary>
    public static FilterResult Failed(string error) => new(false, error);
}
