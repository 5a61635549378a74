namespace ArgoEvents.Api;

/// <summary>
/// One problem found in a manifest, while loading it or while validating it. The message names the field path;
/// the location says where the field (or its nearest written parent) is, when the object came from a source text.
/// </summary>
/// <param name="Location">Where the problem is written, or null for objects built in code.</param>
/// <param name="Path">The field path, such as <c>spec.webhook.example.port</c>, or null for document-level problems.</param>
/// <param name="Message">What is wrong, naming the field.</param>
public sealed record ManifestError(SourceLocation? Location, string? Path, string Message)
{
    /// <summary>The compiler-style form <c>file:line:column: message</c> (just the message when the location is unknown).</summary>
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}
