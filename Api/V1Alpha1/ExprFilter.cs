namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>ExprFilter</c>: an expression over named values taken from the event data.</summary>
public sealed record ExprFilter
{
    /// <summary><c>expr</c>: the expression, such as <c>a == "b" &amp;&amp; c &gt; 2</c>.</summary>
    [ManifestField("expr")]
    public string? Expr { get; init; }

    /// <summary><c>fields</c>: the names the expression uses and the data paths they are read from.</summary>
    [ManifestField("fields")]
    public IReadOnlyList<PayloadField> Fields { get; init; } = [];
}
