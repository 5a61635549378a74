namespace ArgoEvents.Api;

/// <summary>One key and its value inside a <see cref="ManifestMapping"/>.</summary>
/// <param name="Key">The key, with its own position.</param>
/// <param name="Value">The value.</param>
public sealed record ManifestMappingEntry(ManifestScalar Key, ManifestNode Value);
