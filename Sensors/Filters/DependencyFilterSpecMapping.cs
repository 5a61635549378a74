using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Filters;

/// <summary>Turns a dependency's <c>filters</c> as the manifest declares them into the spec the evaluator compiles.</summary>
internal static class DependencyFilterSpecMapping
{
    /// <summary>
    /// The filter spec of <paramref name="dependency"/>, or null when it declares no filter. Empty <c>data</c> and
    /// <c>exprs</c> lists are absent filters, as they are in Argo (they pass).
    /// </summary>
    public static DependencyFilterSpec? FromModel(EventDependency dependency)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        if (dependency.Filters is not { } filters)
        {
            return null;
        }

        return new DependencyFilterSpec
        {
            Time = filters.Time is { } time ? new TimeFilterSpec(time.Start ?? string.Empty, time.Stop ?? string.Empty, time.Timezone) : null,
            Context = filters.Context is { } context
                ? new ContextFilterSpec(context.Type, context.Subject, context.Source, context.DataContentType)
                : null,
            Data = filters.Data.Count == 0
                ? null
                : [.. filters.Data.Select(d => new DataFilterSpec(d.Path ?? string.Empty, d.Type ?? string.Empty, d.Value, d.Comparator, d.Template))],
            Exprs = filters.Exprs.Count == 0
                ? null
                : [.. filters.Exprs.Select(e => new ExprFilterSpec(e.Expr ?? string.Empty, [.. e.Fields.Select(f => new ExprFieldSpec(f.Name ?? string.Empty, f.Path ?? string.Empty))]))],
            DataLogicalOperator = filters.DataLogicalOperator,
            ExprLogicalOperator = filters.ExprLogicalOperator,
            FiltersLogicalOperator = dependency.FiltersLogicalOperator,
            Script = filters.Script,
        };
    }
}
