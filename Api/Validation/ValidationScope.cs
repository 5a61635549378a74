namespace ArgoEvents.Api.Validation;

/// <summary>
/// The field being validated: its path, where it is written, and the list errors go to. Messages read
/// "field 'spec.webhook.example.port' is required".
/// </summary>
internal sealed class ValidationScope
{
    private readonly ManifestSource? _source;
    private readonly List<ManifestError> _errors;

    public ValidationScope(ManifestSource? source, List<ManifestError> errors, string path)
    {
        _source = source;
        _errors = errors;
        Path = path;
    }

    public string Path { get; }

    public ValidationScope Field(string name) => new(_source, _errors, FieldPath.Child(Path, name));

    public ValidationScope Index(int index) => new(_source, _errors, FieldPath.Index(Path, index));

    /// <summary>Reports that this field <paramref name="problem"/> (a phrase such as "is required").</summary>
    public void Fail(string problem) =>
        _errors.Add(new ManifestError(_source?.Locate(Path), Path, $"field '{Path}' {problem}"));

    /// <summary>Reports that the child field <paramref name="name"/> <paramref name="problem"/>.</summary>
    public void Fail(string name, string problem) => Field(name).Fail(problem);

    /// <summary>Reports a missing or empty text field; returns whether it is present.</summary>
    public bool Require(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Fail(name, "is required");
            return false;
        }

        return true;
    }

    /// <summary>Reports a missing object field; returns whether it is present.</summary>
    public bool Require(string name, object? value)
    {
        if (value is null)
        {
            Fail(name, "is required");
            return false;
        }

        return true;
    }

    /// <summary>Reports an empty list field; returns whether it has items.</summary>
    public bool RequireItems<T>(string name, IReadOnlyCollection<T> items)
    {
        if (items.Count == 0)
        {
            Fail(name, "must list at least one item");
            return false;
        }

        return true;
    }
}
