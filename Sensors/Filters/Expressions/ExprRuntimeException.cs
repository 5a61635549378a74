namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>Raised by expression nodes; <see cref="GovaluateExpression"/> adds the expression text.</summary>
internal sealed class ExprRuntimeException(string message) : Exception(message);
