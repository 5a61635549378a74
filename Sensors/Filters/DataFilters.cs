using System.Text.Json;

namespace ArgoEvents.Sensors.Filters;

/// <summary>A dependency's data filters combined with its <c>dataLogicalOperator</c>.</summary>
public sealed class DataFilters
{
    private readonly DataFilter[] _filters;
    private readonly LogicalOperator _operator;

    /// <summary>Compiles <paramref name="specs"/>.</summary>
    /// <exception cref="ArgumentException">A filter uses an unsupported feature or the operator is unknown.</exception>
    public DataFilters(IReadOnlyList<DataFilterSpec> specs, string? dataLogicalOperator)
    {
        ArgumentNullException.ThrowIfNull(specs);
        _operator = LogicalOperators.Parse(dataLogicalOperator, "dataLogicalOperator");
        _filters = [.. specs.Select(s => new DataFilter(s))];
    }

    /// <summary>Whether every filter can be evaluated on raw well-formed JSON (plain key paths only).</summary>
    public bool LocateInRawData => _filters.All(f => f.LocatesInRawData);

    /// <summary>Evaluates every filter on well-formed JSON data without parsing the whole document.</summary>
    public FilterResult EvaluateWellFormed(ReadOnlyMemory<byte> data)
    {
        var group = new FilterGroup(_operator, "data");
        foreach (var filter in _filters)
        {
            if (group.Add(filter.EvaluateWellFormed(data)) is { } decided)
            {
                return decided;
            }
        }

        return group.Finish();
    }

    /// <summary>Template parse errors, visible before any event arrives.</summary>
    public IEnumerable<string> TemplateProblems => _filters.Select(f => f.TemplateProblem).OfType<string>();

    /// <summary>Evaluates every filter on <paramref name="data"/>, the event data's root value.</summary>
    public FilterResult Evaluate(JsonElement data)
    {
        var group = new FilterGroup(_operator, "data");
        foreach (var filter in _filters)
        {
            if (group.Add(filter.Evaluate(data)) is { } decided)
            {
                return decided;
            }
        }

        return group.Finish();
    }
}
