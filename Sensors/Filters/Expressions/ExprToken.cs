namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>One token with its position in the expression text.</summary>
internal readonly record struct ExprToken(ExprTokenKind Kind, string Text, double Number, int Position);
