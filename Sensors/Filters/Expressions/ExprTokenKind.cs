namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>Lexical classes of govaluate expressions.</summary>
internal enum ExprTokenKind
{
    Number,
    String,
    Bool,
    Parameter,
    Operator,
    LeftParen,
    RightParen,
    Comma,
    End,
}
