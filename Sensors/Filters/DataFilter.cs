using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArgoEvents.Sensors.Filters.Gjson;
using ArgoEvents.Sensors.Templates;

namespace ArgoEvents.Sensors.Filters;

/// <summary>
/// One compiled data filter. Paths, regexes and numbers are parsed once here; problems Argo only discovers when an
/// event arrives (an empty value list, a bad regex, an unknown type) are kept and reported as that event's error, in
/// the same order Argo checks them, so AND/OR combinations behave the same. A <c>template</c> (Go text/template +
/// sprig, <c>.Input</c> = the gjson result as a string) is parsed here and executed per event; its output replaces the
/// value compared.
/// </summary>
public sealed class DataFilter
{
    private readonly GjsonPath? _path;
    private readonly string? _pathError;
    private readonly string? _noValuesError;
    private readonly string? _typeError;
    private readonly GoTemplate? _template;
    private readonly string? _templateError;
    private readonly Kind _kind;
    private readonly Comparison _comparison;
    private readonly Regex?[] _regexes = [];
    private readonly double[] _numbers = [];
    private readonly bool[] _bools = [];
    private readonly string?[] _valueErrors = [];

    /// <summary>Compiles <paramref name="spec"/>.</summary>
    public DataFilter(DataFilterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        if (!string.IsNullOrEmpty(spec.Template))
        {
            try
            {
                _template = GoTemplate.Parse(spec.Template);
            }
            catch (GoTemplateException e)
            {
                _templateError = e.Message;
                TemplateProblem = $"data filter on path '{spec.Path}': template '{spec.Template}': {e.Message}";
            }
        }

        try
        {
            _path = GjsonPath.Compile(spec.Path ?? string.Empty);
        }
        catch (GjsonPathException e)
        {
            _pathError = e.Message;
        }

        _comparison = spec.Comparator switch
        {
            null or "" or "=" => Comparison.Equal,
            "!=" => Comparison.NotEqual,
            ">" => Comparison.Greater,
            ">=" => Comparison.GreaterOrEqual,
            "<" => Comparison.Less,
            "<=" => Comparison.LessOrEqual,
            _ => Comparison.Unknown,
        };

        var values = spec.Values ?? [];
        if (values.Count == 0)
        {
            _noValuesError = "no values specified";
            return;
        }

        _valueErrors = new string?[values.Count];
        switch (spec.Type)
        {
            case "string":
                _kind = Kind.String;
                _regexes = new Regex?[values.Count];
                for (var i = 0; i < values.Count; i++)
                {
                    try
                    {
                        _regexes[i] = Re2Regex.Compile(values[i]);
                    }
                    catch (ArgumentException e)
                    {
                        _valueErrors[i] = e.Message;
                    }
                }

                break;
            case "number":
                _kind = Kind.Number;
                _numbers = new double[values.Count];
                for (var i = 0; i < values.Count; i++)
                {
                    if (!GoStrconv.TryParseFloat(values[i], out _numbers[i]))
                    {
                        _valueErrors[i] = $"strconv.ParseFloat: parsing \"{values[i]}\": invalid syntax";
                    }
                }

                break;
            case "bool":
                _kind = Kind.Bool;
                _bools = new bool[values.Count];
                for (var i = 0; i < values.Count; i++)
                {
                    if (!GoStrconv.TryParseBool(values[i], out _bools[i]))
                    {
                        _valueErrors[i] = $"strconv.ParseBool: parsing \"{values[i]}\": invalid syntax";
                    }
                }

                break;
            default:
                _typeError = $"unsupported JSON type {spec.Type}";
                break;
        }
    }

    private enum Kind
    {
        String,
        Number,
        Bool,
    }

    private enum Comparison
    {
        Equal,
        NotEqual,
        Greater,
        GreaterOrEqual,
        Less,
        LessOrEqual,
        Unknown,
    }

    /// <summary>The spec this filter was compiled from.</summary>
    public DataFilterSpec Spec { get; }

    /// <summary>
    /// The template's parse error naming this filter, or null. Argo reports it with each event that reaches the
    /// template (as <see cref="Evaluate"/> does); a runtime may refuse the sensor at start instead.
    /// </summary>
    public string? TemplateProblem { get; }

    /// <summary>Evaluates the filter on the event data's root value.</summary>
    public FilterResult Evaluate(JsonElement data)
    {
        if (_path is null)
        {
            return FilterResult.Failed(_pathError!);
        }

        var result = _path.Get(data);
        return result.Exists ? EvaluateFound(result) : FilterResult.Failed($"path '{Spec.Path}' does not exist");
    }

    /// <summary>Whether <see cref="EvaluateWellFormed(ReadOnlyMemory{byte})"/> can evaluate this filter without a parsed document.</summary>
    public bool LocatesInRawData => _path?.RawLocator is not null;

    /// <summary>
    /// Evaluates the filter on event data known to be well-formed JSON (it came through the CloudEvent reader), locating
    /// the path's value in the raw bytes instead of parsing the whole document. Same results as <see cref="Evaluate"/>.
    /// </summary>
    public FilterResult EvaluateWellFormed(ReadOnlyMemory<byte> data)
    {
        if (_path?.RawLocator is not { } locator)
        {
            using var document = JsonDocument.Parse(data);
            return Evaluate(document.RootElement);
        }

        Span<int> positions = stackalloc int[locator.Depth];
        return EvaluateWellFormed(data, positions, 0);
    }

    /// <summary>The raw locator of this filter's path (null when it is not a plain key path).</summary>
    internal GjsonRawLocator? RawLocator => _path?.RawLocator;

    /// <summary>
    /// <see cref="EvaluateWellFormed(ReadOnlyMemory{byte})"/> resuming from the first <paramref name="known"/> levels of
    /// the path that a previous filter sharing them located in the same data (see <see cref="GjsonRawLocator"/>).
    /// </summary>
    internal FilterResult EvaluateWellFormed(ReadOnlyMemory<byte> data, Span<int> positions, int known)
    {
        if (!_path!.RawLocator!.TryLocate(data.Span, positions, known, out var start, out var length))
        {
            return FilterResult.Failed($"path '{Spec.Path}' does not exist");
        }

        return EvaluateFound(GjsonResult.FromUtf8Value(data.Slice(start, length)));
    }

    private FilterResult EvaluateFound(GjsonResult result)
    {
        if (_noValuesError is not null)
        {
            return FilterResult.Failed(_noValuesError);
        }

        string? templated = null;
        if (_templateError is not null)
        {
            return FilterResult.Failed(_templateError);
        }

        if (_template is not null)
        {
            try
            {
                templated = _template.Execute(new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["Input"] = result.ToString() });
            }
            catch (GoTemplateException e)
            {
                return FilterResult.Failed(e.Message);
            }

            if (templated.Length == 0 || templated == "<no value>")
            {
                return FilterResult.Failed($"template '{Spec.Template}' evaluated to empty string or no value");
            }
        }

        if (_typeError is not null)
        {
            return FilterResult.Failed(_typeError);
        }

        return _kind switch
        {
            Kind.String => EvaluateString(result, templated),
            Kind.Number => EvaluateNumber(result, templated),
            _ => EvaluateBool(result, templated),
        };
    }

    // With a template, its output is compared as a JSON string holding it, as Argo re-parses it with gjson.
    private FilterResult EvaluateString(GjsonResult result, string? templated)
    {
        for (var i = 0; i < _regexes.Length; i++)
        {
            if (_regexes[i] is not { } regex)
            {
                return FilterResult.Failed(_valueErrors[i]!);
            }

            var matched = _comparison switch
            {
                Comparison.Equal => templated is null ? result.IsMatch(regex) : regex.IsMatch(templated),
                Comparison.NotEqual => templated is null ? !result.IsMatch(regex) : !regex.IsMatch(templated),
                _ => false,
            };
            if (matched)
            {
                return FilterResult.Pass;
            }
        }

        return FilterResult.Reject;
    }

    private FilterResult EvaluateNumber(GjsonResult result, string? templated)
    {
        var actual = templated is null ? result.ToDouble() : GoStrconv.TryParseFloat(templated, out var parsed) ? parsed : 0;
        for (var i = 0; i < _numbers.Length; i++)
        {
            if (_valueErrors[i] is { } error)
            {
                return FilterResult.Failed(error);
            }

            var expected = _numbers[i];
            var matched = _comparison switch
            {
                Comparison.Equal => actual == expected,
                Comparison.NotEqual => actual != expected,
                Comparison.Greater => actual > expected,
                Comparison.GreaterOrEqual => actual >= expected,
                Comparison.Less => actual < expected,
                Comparison.LessOrEqual => actual <= expected,
                _ => false,
            };
            if (matched)
            {
                return FilterResult.Pass;
            }
        }

        return FilterResult.Reject;
    }

    private FilterResult EvaluateBool(GjsonResult result, string? templated)
    {
        // The comparator is ignored for booleans, as in Argo.
        var actual = templated is null ? result.ToBoolean() : GoStrconv.TryParseBool(templated, out var parsed) && parsed;
        for (var i = 0; i < _bools.Length; i++)
        {
            if (_valueErrors[i] is { } error)
            {
                return FilterResult.Failed(error);
            }

            if (_bools[i] == actual)
            {
                return FilterResult.Pass;
            }
        }

        return FilterResult.Reject;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"data filter {Spec.Type} on '{Spec.Path}'");
}
