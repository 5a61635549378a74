using System.Text.Json;

namespace ArgoEvents.Sensors.Filters;

/// <summary>A dependency's data filters combined with its <c>dataLogicalOperator</c>.</summary>
public sealed class DataFilters
{
    private readonly DataFilter[] _filters;
    private readonly LogicalOperator _operator;
    private readonly int[] _sharedWithPrevious;
    private readonly int _maxDepth;

    /// <summary>Compiles <paramref name="specs"/>.</summary>
    /// <exception cref="ArgumentException">A filter uses an unsupported feature or the operator is unknown.</exception>
    public DataFilters(IReadOnlyList<DataFilterSpec> specs, string? dataLogicalOperator)
    {
        ArgumentNullException.ThrowIfNull(specs);
        _operator = LogicalOperators.Parse(dataLogicalOperator, "dataLogicalOperator");
        _filters = [.. specs.Select(s => new DataFilter(s))];
        _sharedWithPrevious = new int[_filters.Length];
        for (var i = 1; i < _filters.Length; i++)
        {
            _sharedWithPrevious[i] = _filters[i].RawLocator?.SharedPrefix(_filters[i - 1].RawLocator) ?? 0;
        }

        _maxDepth = _filters.Select(f => f.RawLocator?.Depth ?? 0).DefaultIfEmpty(0).Max();
    }

    /// <summary>Whether every filter can be evaluated on raw well-formed JSON (plain key paths only).</summary>
    public bool LocateInRawData => _filters.All(f => f.LocatesInRawData);

    /// <summary>Evaluates every filter on well-formed JSON data without parsing the whole document.</summary>
    public FilterResult EvaluateWellFormed(ReadOnlyMemory<byte> data)
    {
        // Filters on sibling paths (body.kind, body.order.total) find their common prefix once: each resumes from the
        // levels the previous filter located, as long as that one found them.
        var group = new FilterGroup(_operator, "data");
        Span<int> positions = stackalloc int[Math.Max(1, _maxDepth)];
        var located = 0;
        for (var i = 0; i < _filters.Length; i++)
        {
            var known = Math.Min(_sharedWithPrevious[i], located);
            var result = _filters[i].EvaluateWellFormed(data, positions, known);
            located = result.Error is null ? _filters[i].RawLocator!.Depth : 0;
            if (group.Add(result) is { } decided)
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
