using System.Globalization;
using System.Text;

namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>The lexical rules of the Prometheus text format 0.0.4: names, escaping, numbers.</summary>
internal static class PrometheusText
{
    /// <summary>A metric name: <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; any other character becomes <c>_</c>.</summary>
    public static string MetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>A label name: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>; any other character becomes <c>_</c>.</summary>
    public static string LabelName(string name) => Sanitize(name, allowColon: false);

    /// <summary>A label value between double quotes: backslash, double quote and line feed are escaped.</summary>
    public static string EscapeLabelValue(string value) =>
        value.AsSpan().IndexOfAny('\\', '"', '\n') < 0
            ? value
            : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary><c># HELP</c> text: backslash and line feed are escaped (quotes are not, per the format).</summary>
    public static string EscapeHelp(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A sample value or bucket bound, as Go's Prometheus client writes it (NaN, +Inf, -Inf, shortest round trip).</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// <c>a="x",b="y"</c> from tags already sorted by key. A tag whose name collides with an earlier one after
    /// sanitizing is left out, because a repeated label name makes the whole exposition unparseable.
    /// </summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> sortedTags)
    {
        if (sortedTags.IsEmpty)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in sortedTags)
        {
            var name = LabelName(tag.Key);
            if (!seen.Add(name))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(name).Append("=\"").Append(EscapeLabelValue(LabelValue(tag.Value))).Append('"');
        }

        return text.ToString();
    }

    private static string LabelValue(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var chars = name.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var valid = char.IsAsciiLetter(c) || c == '_' || (allowColon && c == ':') || (i > 0 && char.IsAsciiDigit(c));
            if (!valid)
            {
                chars[i] = '_';
                changed = true;
            }
        }

        return changed ? new string(chars) : name;
    }
}
