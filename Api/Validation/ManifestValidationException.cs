namespace ArgoEvents.Api.Validation;

/// <summary>An object breaks one or more of Argo's rules; <see cref="ManifestException.Errors"/> lists them all.</summary>
public sealed class ManifestValidationException : ManifestException
{
    /// <summary>Creates the exception from the validation errors.</summary>
    public ManifestValidationException(IReadOnlyList<ManifestError> errors)
        : base(Summarize(errors), errors)
    {
    }

    private static string Summarize(IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1 ? "The manifest is not valid:" : $"The manifest is not valid ({errors.Count} errors):";
    }
}
