namespace ArgoEvents.Api;

/// <summary>Base of the exceptions that carry a list of <see cref="ManifestError"/>s, one line per error in the message.</summary>
public abstract class ManifestException : Exception
{
    /// <summary>Creates the exception from its errors; the message starts with <paramref name="summary"/>.</summary>
    protected ManifestException(string summary, IReadOnlyList<ManifestError> errors)
        : base(ComposeMessage(summary, errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in source order.</summary>
    public IReadOnlyList<ManifestError> Errors { get; }

    private static string ComposeMessage(string summary, IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? summary : summary + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}
