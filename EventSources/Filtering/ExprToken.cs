namespace ArgoEvents.EventSources.Filtering;

/// <summary>The kinds of lexical tokens.</summary>
internal enum ExprTokenKind
{
    End,
    Integer,
    Float,
    String,
    Identifier,
    Operator,
}

/// <summary>One token: its kind, its text (the decoded value for strings) and its 0-based position.</summary>
internal readonly record struct ExprToken(ExprTokenKind Kind, string Text, int Position, object? Value = null)
{
    public bool Is(string op) => Kind is ExprTokenKind.Operator or ExprTokenKind.Identifier && string.Equals(Text, op, StringComparison.Ordinal) && Value is null;
}
