using System.Buffers;
using System.Text.Json;
using ArgoEvents.Sensors.Filters.Expressions;
using ArgoEvents.Sensors.Filters.Gjson;

namespace ArgoEvents.Sensors.Filters;

/// <summary>
/// One compiled expression filter: field paths and the expression are parsed once. As in Argo, each field is bound to
/// gjson's <c>Value()</c> of its path, a missing path is an error, a filter without fields is skipped, and the filter
/// passes only when the expression yields <c>true</c>. A syntax error is reported for every event, as Argo does, and
/// is also visible up front in <see cref="SyntaxError"/>.
/// </summary>
public sealed class ExprFilter
{
    private readonly GjsonPath?[] _paths;
    private readonly string?[] _pathErrors;
    private readonly GovaluateExpression? _expression;

    /// <summary>Compiles <paramref name="spec"/>.</summary>
    public ExprFilter(ExprFilterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        var fields = spec.Fields ?? [];
        _paths = new GjsonPath?[fields.Count];
        _pathErrors = new string?[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            try
            {
                _paths[i] = GjsonPath.Compile(fields[i].Path ?? string.Empty);
            }
            catch (GjsonPathException e)
            {
                _pathErrors[i] = e.Message;
            }
        }

        try
        {
            _expression = GovaluateExpression.Parse(spec.Expr ?? string.Empty, [.. fields.Select(f => f.Name)]);
        }
        catch (ExprException e)
        {
            SyntaxError = e.Message;
        }
    }

    /// <summary>The spec this filter was compiled from.</summary>
    public ExprFilterSpec Spec { get; }

    /// <summary>The expression's parse error, or null when it parsed.</summary>
    public string? SyntaxError { get; }

    /// <summary>Whether the filter takes part (Argo skips filters with no fields).</summary>
    public bool IsSkipped => _paths.Length == 0;

    /// <summary>Evaluates the filter on the event data's root value.</summary>
    public FilterResult Evaluate(JsonElement data)
    {
        var values = ArrayPool<ExprValue>.Shared.Rent(_paths.Length);
        try
        {
            for (var i = 0; i < _paths.Length; i++)
            {
                if (_paths[i] is not { } path)
                {
                    return FilterResult.Failed(_pathErrors[i]!);
                }

                var result = path.Get(data);
                if (!result.Exists)
                {
                    return FilterResult.Failed($"path '{Spec.Fields[i].Path}' does not exist");
                }

                values[i] = ToExprValue(result);
            }

            if (_expression is null)
            {
                return FilterResult.Failed(SyntaxError!);
            }

            var outcome = _expression.Evaluate(values.AsSpan(0, _paths.Length));
            return outcome.Kind == ExprValueKind.Bool && outcome.Bool ? FilterResult.Pass : FilterResult.Reject;
        }
        catch (ExprException e)
        {
            return FilterResult.Failed(e.Message);
        }
        finally
        {
            Array.Clear(values, 0, _paths.Length);
            ArrayPool<ExprValue>.Shared.Return(values);
        }
    }

    private static ExprValue ToExprValue(GjsonResult result) => result.Type switch
    {
        GjsonType.Number => ExprValue.FromNumber(result.ToDouble()),
        GjsonType.True => ExprValue.FromBool(true),
        GjsonType.False => ExprValue.FromBool(false),
        GjsonType.String => ExprValue.FromString(result.ToString()),
        GjsonType.Json => ExprValue.FromObjectGraph(result.ToValue()),
        _ => ExprValue.Null,
    };
}
