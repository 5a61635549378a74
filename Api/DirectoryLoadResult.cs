using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api;

/// <summary>What loading a folder gave: every object from the files that loaded, and the errors of those that did not.</summary>
/// <param name="Objects">The objects, in file-name order then document order.</param>
/// <param name="Errors">The errors of every file, each naming its file, line and column.</param>
public sealed record DirectoryLoadResult(IReadOnlyList<ArgoObject> Objects, IReadOnlyList<ManifestError> Errors)
{
    /// <summary>True when every file loaded.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Throws <see cref="ManifestLoadException"/> listing every error, when there is any.</summary>
    public void ThrowIfFailed()
    {
        if (Errors.Count > 0)
        {
            throw new ManifestLoadException(Errors);
        }
    }
}
