namespace ArgoEvents.Api;

/// <summary>
/// Where a loaded object came from: the source (file path or label), which document of it, and where each field
/// is written, so validation can point at the line and column of the field it complains about.
/// </summary>
public sealed class ManifestSource
{
    private readonly IReadOnlyDictionary<string, SourcePosition> _positions;

    internal ManifestSource(string name, int documentIndex, SourcePosition start, IReadOnlyDictionary<string, SourcePosition> positions)
    {
        Name = name;
        DocumentIndex = documentIndex;
        Location = start.In(name) ?? new SourceLocation(name, 1, 1);
        _positions = positions;
    }

    /// <summary>The file path as given to the loader, or a label such as <c>EVENTSOURCE_OBJECT</c>.</summary>
    public string Name { get; }

    /// <summary>0-based index of the YAML document within the source (documents are separated by <c>---</c>).</summary>
    public int DocumentIndex { get; }

    /// <summary>Where the object's document starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>
    /// Where <paramref name="fieldPath"/> is written; for a field that is not written (a missing required field),
    /// where its nearest written parent is.
    /// </summary>
    public SourceLocation Locate(string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(fieldPath);
        for (var path = fieldPath; path is not null; path = FieldPath.Parent(path))
        {
            if (_positions.TryGetValue(path, out var position) && position.IsKnown)
            {
                return new SourceLocation(Name, position.Line, position.Column);
            }
        }

        return Location;
    }
}
