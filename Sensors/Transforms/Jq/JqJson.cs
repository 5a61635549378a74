using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// jq values are plain immutable CLR values: <c>null</c>, <see cref="bool"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="ImmutableList{T}"/> (arrays) and <see cref="ImmutableSortedDictionary{TKey,TValue}"/> (objects, keys in
/// code-point order as gojq prints them). This type converts them to and from JSON text and <see cref="JsonNode"/>.
/// </summary>
internal static class JqJson
{
    public static readonly ImmutableList<object?> EmptyArray = ImmutableList<object?>.Empty;

    public static readonly ImmutableSortedDictionary<string, object?> EmptyObject =
        ImmutableSortedDictionary.Create<string, object?>(Comparer<string>.Create(JqOrder.CompareStrings));

    public static string TypeName(object? v) => v switch
    {
        null => "null",
        bool => "boolean",
        double => "number",
        string => "string",
        ImmutableList<object?> => "array",
        ImmutableSortedDictionary<string, object?> => "object",
        _ => throw new InvalidOperationException($"not a jq value: {v.GetType()}"),
    };

    public static bool IsTruthy(object? v) => v is not (null or false);

    /// <summary>The value as jq shows it inside error messages: type, then the JSON cut to 11 characters.</summary>
    public static string Describe(object? v) => $"{TypeName(v)} ({Truncate(Dump(v))})";

    public static string Truncate(string text) => text.Length > 14 ? string.Concat(text.AsSpan(0, 11), "...") : text;

    public static string ErrorMessage(object? value) => value switch
    {
        string s => s,
        null => "null (null)",
        _ => $"{Dump(value)} (not a string)",
    };

    public static string Dump(object? v)
    {
        var sb = new StringBuilder();
        Write(sb, v);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                sb.Append(FormatNumber(d));
                break;
            case string s:
                WriteString(sb, s);
                break;
            case ImmutableList<object?> a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(sb, a[i]);
                }

                sb.Append(']');
                break;
            case ImmutableSortedDictionary<string, object?> o:
                sb.Append('{');
                var first = true;
                foreach (var (k, val) in o)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, k);
                    sb.Append(':');
                    Write(sb, val);
                }

                sb.Append('}');
                break;
            default:
                throw new InvalidOperationException($"not a jq value: {v.GetType()}");
        }
    }

    private static void WriteString(StringBuilder sb, string s)
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
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>
    /// Formats like gojq: integral values without a fraction (2, not 2.0), plain decimals between 1e-6 and 1e21,
    /// exponent form (1e+21) outside; NaN prints as null and infinities as the largest finite double.
    /// </summary>
    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d))
        {
            return "null";
        }

        if (double.IsInfinity(d))
        {
            d = d > 0 ? double.MaxValue : double.MinValue;
        }

        if (d == Math.Floor(d) && Math.Abs(d) < 1e17)
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        var abs = Math.Abs(d);
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var (negative, digits, exponent) = Decompose(r);
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (abs >= 1e-6 && abs < 1e21)
        {
            // digits d1d2d3... with value 0.d1d2d3 * 10^exponent
            if (exponent <= 0)
            {
                sb.Append("0.").Append('0', -exponent).Append(digits);
            }
            else if (exponent >= digits.Length)
            {
                sb.Append(digits).Append('0', exponent - digits.Length);
            }
            else
            {
                sb.Append(digits.AsSpan(0, exponent)).Append('.').Append(digits.AsSpan(exponent));
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits.AsSpan(1));
            }

            var e = exponent - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    // Splits .NET's round-trip text into sign, significant digits and a decimal exponent (value = 0.digits * 10^exp).
    private static (bool Negative, string Digits, int Exponent) Decompose(string r)
    {
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        var exp = 0;
        var ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exp = int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? r[..dot] : r;
        var fracPart = dot >= 0 ? r[(dot + 1)..] : string.Empty;
        var all = intPart + fracPart;
        var exponent = exp + intPart.Length;
        var trimmedLead = all.TrimStart('0');
        exponent -= all.Length - trimmedLead.Length;
        var digits = trimmedLead.TrimEnd('0');
        return (negative, digits.Length == 0 ? "0" : digits, exponent);
    }

    /// <summary>Parses JSON text into a jq value; errors carry jq's "(while parsing ...)" wording.</summary>
    public static object? Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 512 });
            return FromElement(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw JqException.Runtime($"{e.Message.Split(" Path:")[0]} (while parsing '{text}')");
        }
    }

    public static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToImmutableList(),
        JsonValueKind.Object => e.EnumerateObject()
            .Aggregate(EmptyObject, (o, p) => o.SetItem(p.Name, FromElement(p.Value))),
        _ => throw new InvalidOperationException($"unexpected JSON value kind {e.ValueKind}"),
    };

    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject o:
                var obj = EmptyObject.ToBuilder();
                foreach (var (k, v) in o)
                {
                    obj[k] = FromNode(v);
                }

                return obj.ToImmutable();
            case JsonArray a:
                var arr = ImmutableList.CreateBuilder<object?>();
                foreach (var item in a)
                {
                    arr.Add(FromNode(item));
                }

                return arr.ToImmutable();
            default:
                var value = node.AsValue();
                if (value.TryGetValue<JsonElement>(out var element))
                {
                    return FromElement(element);
                }

                return value.GetValueKind() switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String => value.TryGetValue<string>(out var s) ? s : Parse(value.ToJsonString()),
                    JsonValueKind.Null => null,
                    _ => value.TryGetValue<double>(out var d) ? d : Parse(value.ToJsonString()),
                };
        }
    }

    public static JsonNode? ToNode(object? v)
    {
        switch (v)
        {
            case null:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case double d:
                if (double.IsNaN(d))
                {
                    return null;
                }

                if (double.IsInfinity(d))
                {
                    return JsonValue.Create(d > 0 ? double.MaxValue : double.MinValue);
                }

                return d == Math.Floor(d) && Math.Abs(d) < 9e18 ? JsonValue.Create((long)d) : JsonValue.Create(d);
            case string s:
                return JsonValue.Create(s);
            case ImmutableList<object?> a:
                var arr = new JsonArray();
                foreach (var item in a)
                {
                    arr.Add(ToNode(item));
                }

                return arr;
            case ImmutableSortedDictionary<string, object?> o:
                var obj = new JsonObject();
                foreach (var (k, val) in o)
                {
                    obj[k] = ToNode(val);
                }

                return obj;
            default:
                throw new InvalidOperationException($"not a jq value: {v.GetType()}");
        }
    }
}
