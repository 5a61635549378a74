using System.Text.Json;
using ArgoEvents.Sensors.Scripting;

namespace ArgoEvents.Sensors.Filters;

/// <summary>
/// All filters of one dependency, compiled once, evaluated per event as Argo's <c>filterEvent</c> does. AND
/// (default): the first error rejects the event with that error; otherwise every defined filter must pass. OR: the
/// event passes if any defined filter passed; errors are collected and returned with the result (joined by " / ").
/// Data, expression and script filters pass when the event has no data; data that is not JSON is their error. The Lua
/// script filter comes last, and its error always rejects the event with that error alone, in OR mode too.
/// Disposing closes the script filter's Lua states.
/// </summary>
public sealed class DependencyFilter : IDisposable
{
    private readonly DataFilters? _data;
    private readonly ExprFilters? _exprs;
    private readonly ContextFilter? _context;
    private readonly TimeFilter? _time;
    private readonly LuaFilterScript? _script;
    private readonly string? _scriptProblem;
    private readonly LogicalOperator _operator;
    private readonly bool _dataOnRawBytes;

    /// <summary>Compiles <paramref name="spec"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The spec names an unknown logical operator.
    /// </exception>
    public DependencyFilter(DependencyFilterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _operator = LogicalOperators.Parse(spec.FiltersLogicalOperator, "filtersLogicalOperator");
        _data = spec.Data is null ? null : new DataFilters(spec.Data, spec.DataLogicalOperator);
        _exprs = spec.Exprs is null ? null : new ExprFilters(spec.Exprs, spec.ExprLogicalOperator);
        _context = spec.Context is null ? null : new ContextFilter(spec.Context);
        _time = spec.Time is null ? null : new TimeFilter(spec.Time);
        var problems = new List<string>();
        if (_exprs is not null)
        {
            problems.AddRange(_exprs.SyntaxErrors);
        }

        if (_data is not null)
        {
            problems.AddRange(_data.TemplateProblems);
        }

        if (_time?.Problem is { } timeProblem)
        {
            problems.Add(timeProblem);
        }

        if (!string.IsNullOrEmpty(spec.Script))
        {
            try
            {
                _script = LuaFilterScript.Compile(spec.Script);
            }
            catch (LuaScriptException e)
            {
                _scriptProblem = $"filters.script: {e.Message}";
                problems.Add(_scriptProblem);
            }
        }

        Problems = problems;
        _dataOnRawBytes = _exprs is null && _data is { LocateInRawData: true };
    }

    /// <summary>
    /// Problems visible before any event arrives (expression syntax, data filter templates, time format, time zone, Lua script syntax). Argo
    /// only reports them per event; a runtime may choose to refuse the sensor at start instead.
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Closes the Lua states of the script filter, if any.</summary>
    public void Dispose() => _script?.Dispose();

    /// <summary>Evaluates the event given by its context attributes and its data (empty = no data).</summary>
    public FilterResult Evaluate(FilterEventContext? context, ReadOnlyMemory<byte> data) => Evaluate(context, data, dataIsWellFormedJson: false);

    /// <summary>
    /// Evaluates the event; <paramref name="dataIsWellFormedJson"/> says the data was already read as JSON (a bus event
    /// whose data is a JSON value, or a transform's output), so data filters with plain key paths look their values up
    /// in the raw bytes instead of parsing the whole document again. The results are the same either way.
    /// </summary>
    public FilterResult Evaluate(FilterEventContext? context, ReadOnlyMemory<byte> data, bool dataIsWellFormedJson)
    {
        if (_data is null && _exprs is null && _context is null && _time is null && _script is null && _scriptProblem is null)
        {
            return FilterResult.Pass;
        }

        JsonDocument? document = null;
        string? invalidJson = null;
        var rawData = dataIsWellFormedJson && _dataOnRawBytes && !data.IsEmpty;
        if ((_data is not null || _exprs is not null) && !data.IsEmpty && !rawData)
        {
            try
            {
                document = JsonDocument.Parse(data);
            }
            catch (JsonException)
            {
                invalidJson = "event data not valid JSON";
            }
        }

        using (document)
        {
            var combined = new TopLevel(_operator);
            if (_exprs is not null)
            {
                var r = invalidJson is not null ? FilterResult.Failed($"expr filter error ({invalidJson})")
                    : document is null ? FilterResult.Pass : _exprs.Evaluate(document.RootElement);
                if (combined.Add(r) is { } decided)
                {
                    return decided;
                }
            }

            if (_data is not null)
            {
                var r = rawData ? _data.EvaluateWellFormed(data)
                    : invalidJson is not null ? FilterResult.Failed(invalidJson)
                    : document is null ? FilterResult.Pass : _data.Evaluate(document.RootElement);
                if (combined.Add(r) is { } decided)
                {
                    return decided;
                }
            }

            if (_context is not null && combined.Add(_context.Matches(context) ? FilterResult.Pass : FilterResult.Reject) is { } byContext)
            {
                return byContext;
            }

            if (_time is not null)
            {
                var r = context is null ? FilterResult.Failed("time filter: the event has no time") : _time.Evaluate(context.Time);
                if (combined.Add(r) is { } decided)
                {
                    return decided;
                }
            }

            if (_script is not null || _scriptProblem is not null)
            {
                var r = EvaluateScript(data);
                if (r.Error is not null)
                {
                    return r;
                }

                _ = combined.Add(r);
            }

            return combined.Finish();
        }
    }

    private FilterResult EvaluateScript(ReadOnlyMemory<byte> data)
    {
        if (_scriptProblem is not null)
        {
            return FilterResult.Failed(_scriptProblem);
        }

        if (data.IsEmpty)
        {
            return FilterResult.Pass;
        }

        try
        {
            return _script!.Evaluate(data) ? FilterResult.Pass : FilterResult.Reject;
        }
        catch (LuaScriptException e)
        {
            return FilterResult.Failed(e.Message);
        }
    }

    /// <summary>Argo's top-level combination: unlike the per-kind groups, OR looks at every filter and keeps all errors.</summary>
    private struct TopLevel(LogicalOperator op)
    {
        private bool _anyPassed;
        private bool _allPassed = true;
        private List<string>? _errors;

        public FilterResult? Add(FilterResult r)
        {
            if (op == LogicalOperator.And)
            {
                if (r.Error is not null)
                {
                    return r;
                }

                _allPassed &= r.Passed;
                return null;
            }

            _anyPassed |= r.Passed;
            if (r.Error is not null)
            {
                (_errors ??= []).Add(r.Error);
            }

            return null;
        }

        public readonly FilterResult Finish()
        {
            if (op == LogicalOperator.And)
            {
                return new FilterResult(_allPassed, null);
            }

            return new FilterResult(_anyPassed, _errors is null ? null : string.Join(" / ", _errors));
        }
    }
}
