using System.Buffers;
using System.Globalization;
using System.Text;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>Argo's <c>toJson</c>: encoding/json's spelling (sorted keys, HTML-safe strings); "" when it cannot encode.</summary>
internal static class ExprJson
{
    public static string Serialize(object? value)
    {
        var output = new ArrayBufferWriter<byte>();
        return Write(output, value) ? Encoding.UTF8.GetString(output.WrittenSpan) : string.Empty;
    }

    private static bool Write(ArrayBufferWriter<byte> output, object? value)
    {
        switch (value)
        {
            case null:
                Raw(output, "null");
                return true;
            case bool b:
                Raw(output, b ? "true" : "false");
                return true;
            case long l:
                Raw(output, l.ToString(CultureInfo.InvariantCulture));
                return true;
            case double d:
                if (!double.IsFinite(d))
                {
                    return false;
                }

                Raw(output, GoFloat.FormatJson(d));
                return true;
            case string s:
                GoJson.WriteString(output, s);
                return true;
            case List<object?> list:
                Raw(output, "[");
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        Raw(output, ",");
                    }

                    if (!Write(output, list[i]))
                    {
                        return false;
                    }
                }

                Raw(output, "]");
                return true;
            case Dictionary<string, object?> map:
                Raw(output, "{");
                var first = true;
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        Raw(output, ",");
                    }

                    first = false;
                    GoJson.WriteString(output, key);
                    Raw(output, ":");
                    if (!Write(output, item))
                    {
                        return false;
                    }
                }

                Raw(output, "}");
                return true;
            default:
                return false;
        }
    }

    private static void Raw(ArrayBufferWriter<byte> output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
