namespace ArgoEvents.Sensors.Filters;

/// <summary>A dependency's whole <c>filters</c> block plus its <c>filtersLogicalOperator</c>.</summary>
public sealed record DependencyFilterSpec
{
    /// <summary>The <c>time</c> filter, if any.</summary>
    public TimeFilterSpec? Time { get; init; }

    /// <summary>The <c>context</c> filter, if any.</summary>
    public ContextFilterSpec? Context { get; init; }

    /// <summary>The <c>data</c> filters; null when absent.</summary>
    public IReadOnlyList<DataFilterSpec>? Data { get; init; }

    /// <summary>The <c>exprs</c> filters; null when absent.</summary>
    public IReadOnlyList<ExprFilterSpec>? Exprs { get; init; }

    /// <summary><c>dataLogicalOperator</c>: <c>and</c> (default) or <c>or</c>.</summary>
    public string? DataLogicalOperator { get; init; }

    /// <summary><c>exprLogicalOperator</c>: <c>and</c> (default) or <c>or</c>.</summary>
    public string? ExprLogicalOperator { get; init; }

    /// <summary>The dependency's <c>filtersLogicalOperator</c>: <c>and</c> (default) or <c>or</c>.</summary>
    public string? FiltersLogicalOperator { get; init; }

    /// <summary>The Lua <c>script</c> filter; not supported by this module yet (refused when given).</summary>
    public string? Script { get; init; }
}
