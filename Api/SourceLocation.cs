namespace ArgoEvents.Api;

/// <summary>Where something is written: a file (or another named source), a 1-based line and a 1-based column.</summary>
/// <param name="Source">The file path as it was given to the loader, or a label such as <c>EVENTSOURCE_OBJECT</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string Source, int Line, int Column)
{
    /// <summary>The compiler-style form <c>source:line:column</c>.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}";
}
