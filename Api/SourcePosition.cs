namespace ArgoEvents.Api;

/// <summary>A 1-based line and column inside one source text; zero means unknown.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public bool IsKnown => Line > 0;

    public SourceLocation? In(string sourceName) => IsKnown ? new SourceLocation(sourceName, Line, Column) : null;
}
