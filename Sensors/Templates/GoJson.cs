using System.Globalization;
using System.Text;

namespace ArgoEvents.Sensors.Templates;

/// <summary>Go's <c>encoding/json</c> encoding of template values: sorted map keys, Go's float format and HTML escaping.</summary>
internal static class GoJson
{
    /// <summary>Encodes <paramref name="value"/>; <paramref name="indent"/> non-null gives <c>MarshalIndent("", indent)</c>.</summary>
    public static string Encode(object? value, bool escapeHtml, string? indent)
    {
        var sb = new StringBuilder();
        Write(sb, value, escapeHtml, indent, 0);
        return sb.ToString();
    }

    private static void NewLine(StringBuilder sb, string? indent, int depth)
    {
        if (indent is null)
        {
            return;
        }

        sb.Append('\n');
        for (var i = 0; i < depth; i++)
        {
            sb.Append(indent);
        }
    }

    private static void Write(StringBuilder sb, object? value, bool escapeHtml, string? indent, int depth)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                WriteString(sb, s, escapeHtml);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new TemplateFunctionException($"json: unsupported value: {GoFormat.ToText(d)}");
                }

                WriteFloat(sb, d);
                break;
            case IReadOnlyDictionary<string, object?> map:
                if (map.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append('{');
                var first = true;
                foreach (var key in GoFormat.SortedKeys(map))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    NewLine(sb, indent, depth + 1);
                    WriteString(sb, key, escapeHtml);
                    sb.Append(indent is null ? ":" : ": ");
                    Write(sb, map[key], escapeHtml, indent, depth + 1);
                }

                NewLine(sb, indent, depth);
                sb.Append('}');
                break;
            case IReadOnlyList<object?> list:
                if (list.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }

                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indent, depth + 1);
                    Write(sb, list[i], escapeHtml, indent, depth + 1);
                }

                NewLine(sb, indent, depth);
                sb.Append(']');
                break;
            default:
                throw new TemplateFunctionException($"json: unsupported type: {GoValues.TypeName(value)}");
        }
    }

    private static void WriteFloat(StringBuilder sb, double d)
    {
        var abs = Math.Abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var start = sb.Length;
            GoFormat.AppendFloat(sb, d, 'e', -1);

            // Go writes e-07 as e-7.
            var text = sb.ToString(start, sb.Length - start);
            var e = text.IndexOf('e', StringComparison.Ordinal);
            if (e >= 0 && e + 3 < text.Length + 1 && text[e + 1] == '-' && e + 2 < text.Length && text[e + 2] == '0')
            {
                sb.Remove(start + e + 2, 1);
            }

            return;
        }

        GoFormat.AppendFloat(sb, d, 'f', -1);
    }

    private static void WriteString(StringBuilder sb, string s, bool escapeHtml)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '<' or '>' or '&' when escapeHtml:
                case '\u2028' or '\u2029':
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }
}
