namespace ArgoEvents.Api.Validation;

/// <summary>
/// The dependency names of one Sensor, looked up as Argo's condition evaluation does: <c>-</c> and <c>_</c> are the
/// same character, so <c>dep-1</c> and <c>dep_1</c> name the same dependency.
/// </summary>
internal sealed class DependencyNames
{
    private readonly HashSet<string> _normalized = new(StringComparer.Ordinal);

    /// <summary>Adds a name; returns false when it, or its <c>-</c>/<c>_</c> twin, was already added.</summary>
    public bool Add(string name) => _normalized.Add(Normalize(name));

    public bool Contains(string name) => _normalized.Contains(Normalize(name));

    private static string Normalize(string name) => name.Replace('-', '_');
}
