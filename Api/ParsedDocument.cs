namespace ArgoEvents.Api;

/// <summary>One document of a source text: its 0-based index in the stream and its root node (null when empty).</summary>
internal sealed record ParsedDocument(int Index, ManifestNode? Root, SourcePosition Start);
