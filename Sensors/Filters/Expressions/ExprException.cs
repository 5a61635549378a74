namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>An expression that does not parse, or fails while evaluating (a type mismatch, an unknown parameter).</summary>
public sealed class ExprException : Exception
{
    /// <summary>Creates the error for <paramref name="expression"/>; <paramref name="position"/> is -1 for evaluation errors.</summary>
    public ExprException(string expression, int position, string problem)
        : base(position >= 0 ? $"expression '{expression}': {problem} at position {position}" : $"expression '{expression}': {problem}")
    {
        Expression = expression;
        Position = position;
    }

    /// <summary>The expression text.</summary>
    public string Expression { get; }

    /// <summary>Zero-based position of a parse error, or -1.</summary>
    public int Position { get; }
}
