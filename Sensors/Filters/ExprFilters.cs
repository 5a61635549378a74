using System.Text.Json;

namespace ArgoEvents.Sensors.Filters;

/// <summary>A dependency's expression filters combined with its <c>exprLogicalOperator</c>.</summary>
public sealed class ExprFilters
{
    private readonly ExprFilter[] _filters;
    private readonly LogicalOperator _operator;

    /// <summary>Compiles <paramref name="specs"/>.</summary>
    /// <exception cref="ArgumentException">The operator is unknown.</exception>
    public ExprFilters(IReadOnlyList<ExprFilterSpec> specs, string? exprLogicalOperator)
    {
        ArgumentNullException.ThrowIfNull(specs);
        _operator = LogicalOperators.Parse(exprLogicalOperator, "exprLogicalOperator");
        _filters = [.. specs.Select(s => new ExprFilter(s))];
    }

    /// <summary>Parse errors of the expressions, one line each naming the expression and position; empty when all parse.</summary>
    public IReadOnlyList<string> SyntaxErrors => [.. _filters.Where(f => f.SyntaxError is not null).Select(f => f.SyntaxError!)];

    /// <summary>Evaluates every filter on <paramref name="data"/>, the event data's root value.</summary>
    public FilterResult Evaluate(JsonElement data)
    {
        var group = new FilterGroup(_operator, "expr");
        foreach (var filter in _filters)
        {
            if (filter.IsSkipped)
            {
                continue;
            }

            if (group.Add(filter.Evaluate(data)) is { } decided)
            {
                return decided;
            }
        }

        return group.Finish();
    }
}
