using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>jq's <c>@format</c> string formats.</summary>
internal static class JqFormats
{
    public static readonly IReadOnlySet<string> Names =
        new HashSet<string>(StringComparer.Ordinal) { "text", "json", "html", "uri", "csv", "tsv", "sh", "base64", "base64d" };

    public static string Apply(string format, object? v) => format switch
    {
        "text" => Text(v),
        "json" => JqJson.Dump(v),
        "html" => Html(Text(v)),
        "uri" => Uri(Text(v)),
        "csv" => Csv(v),
        "tsv" => Tsv(v),
        "sh" => Sh(v),
        "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(v))),
        "base64d" => Base64Decode(Text(v)),
        _ => throw JqException.Runtime($"{format} is not a valid format"),
    };

    public static string Text(object? v) => v as string ?? JqJson.Dump(v);

    private static string Html(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\'' => "&#39;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Uri(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static ImmutableList<object?> RequireArray(object? v, string format) =>
        v as ImmutableList<object?> ?? throw JqException.Runtime($"{JqJson.Describe(v)} cannot be {format}-formatted, only an array can be");

    private static string Csv(object? v) => string.Join(",", RequireArray(v, "csv").Select(item => item switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        double d => JqJson.FormatNumber(d),
        string s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => throw JqException.Runtime($"{JqJson.Describe(item)} is not valid in a csv row"),
    }));

    private static string Tsv(object? v) => string.Join("\t", RequireArray(v, "tsv").Select(item => item switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        double d => JqJson.FormatNumber(d),
        string s => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal),
        _ => throw JqException.Runtime($"{JqJson.Describe(item)} is not valid in a tsv row"),
    }));

    private static string Sh(object? v)
    {
        IEnumerable<object?> items = v is ImmutableList<object?> a ? a : [v];
        return string.Join(" ", items.Select(item => item switch
        {
            string s => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'",
            ImmutableList<object?> or ImmutableSortedDictionary<string, object?> =>
                throw JqException.Runtime($"{JqJson.Describe(item)} can not be escaped for shell"),
            _ => JqJson.Dump(item),
        }));
    }

    private static string Base64Decode(string s)
    {
        var trimmed = s.TrimEnd('=');
        var padded = trimmed.PadRight(trimmed.Length + ((4 - (trimmed.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            throw JqException.Runtime($"{JqJson.Describe(s)} is not valid base64 data");
        }
    }
}
