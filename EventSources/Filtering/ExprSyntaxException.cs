namespace ArgoEvents.EventSources.Filtering;

/// <summary>An expression outside the supported subset, or malformed; <see cref="Column"/> is 1-based.</summary>
internal sealed class ExprSyntaxException : Exception
{
    public ExprSyntaxException(string reason, int position)
        : base($"{reason} (column {position + 1})")
    {
        Reason = reason;
        Column = position + 1;
    }

    public string Reason { get; }

    public int Column { get; }
}
