namespace ArgoEvents.Api;

/// <summary>A manifest could not be read: malformed YAML or JSON, an unsupported kind, an unknown field or a wrong value type.</summary>
public sealed class ManifestLoadException : ManifestException
{
    /// <summary>Creates the exception from the load errors.</summary>
    public ManifestLoadException(IReadOnlyList<ManifestError> errors)
        : base(Summarize(errors), errors)
    {
    }

    private static string Summarize(IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1 ? "The manifest could not be loaded:" : $"The manifests could not be loaded ({errors.Count} errors):";
    }
}
