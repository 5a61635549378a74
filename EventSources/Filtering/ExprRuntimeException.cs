namespace ArgoEvents.EventSources.Filtering;

/// <summary>An evaluation failure with expr-lang's meaning (wrong operand types, fetch from nil, bad index...).</summary>
internal sealed class ExprRuntimeException(string message) : Exception(message);
