namespace ArgoEvents.Sensors.Filters;

/// <summary>One entry of a dependency's <c>filters.exprs</c> list: a govaluate expression over fields of the data.</summary>
/// <param name="Expr">The govaluate expression, which must evaluate to a boolean.</param>
/// <param name="Fields">The parameters it uses; an expression with no fields is skipped, as Argo does.</param>
public sealed record ExprFilterSpec(string Expr, IReadOnlyList<ExprFieldSpec> Fields);
