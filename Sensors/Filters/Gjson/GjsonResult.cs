using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>
/// What a <see cref="GjsonPath"/> found, with gjson's conversions. Results that point into the document wrap its
/// <see cref="JsonElement"/> (no copy); results gjson builds (counts, collected arrays, multipaths) carry their JSON text.
/// A result that wraps an element is valid only while its <see cref="JsonDocument"/> is alive.
/// </summary>
public readonly struct GjsonResult
{
    private readonly JsonElement _element;
    private readonly string? _raw;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly bool _fromElement;
    private readonly bool _fromUtf8;

    private GjsonResult(GjsonType type, JsonElement element, string? raw, bool fromElement)
    {
        Type = type;
        _element = element;
        _raw = raw;
        _fromElement = fromElement;
    }

    private GjsonResult(GjsonType type, ReadOnlyMemory<byte> utf8)
    {
        Type = type;
        _utf8 = utf8;
        _fromUtf8 = true;
    }

    /// <summary>The result of a path that matched nothing.</summary>
    public static GjsonResult None => default;

    /// <summary>The kind of value found.</summary>
    public GjsonType Type { get; }

    /// <summary>Whether the path matched anything (gjson's <c>Exists()</c>).</summary>
    public bool Exists => Type != GjsonType.None;

    /// <summary>The JSON text of the value as it appears in the input (empty when nothing matched).</summary>
    public string Raw => _fromElement ? _element.GetRawText() : _fromUtf8 ? Encoding.UTF8.GetString(_utf8.Span) : _raw ?? string.Empty;

    /// <summary>Wraps a value of the document.</summary>
    public static GjsonResult FromElement(JsonElement element)
    {
        var type = element.ValueKind switch
        {
            JsonValueKind.Object or JsonValueKind.Array => GjsonType.Json,
            JsonValueKind.String => GjsonType.String,
            JsonValueKind.Number => GjsonType.Number,
            JsonValueKind.True => GjsonType.True,
            JsonValueKind.False => GjsonType.False,
            JsonValueKind.Null => GjsonType.Null,
            _ => GjsonType.None,
        };
        return new GjsonResult(type, element, null, true);
    }

    /// <summary>
    /// Wraps one JSON value given by its UTF-8 text, which must be well formed (a <see cref="GjsonRawLocator"/> found it
    /// in data the CloudEvent reader had read): nothing is parsed until a conversion needs it.
    /// </summary>
    internal static GjsonResult FromUtf8Value(ReadOnlyMemory<byte> value)
    {
        var type = value.Span[0] switch
        {
            (byte)'"' => GjsonType.String,
            (byte)'{' or (byte)'[' => GjsonType.Json,
            (byte)'t' => GjsonType.True,
            (byte)'f' => GjsonType.False,
            (byte)'n' => GjsonType.Null,
            _ => GjsonType.Number,
        };
        return new GjsonResult(type, value);
    }

    /// <summary>A number gjson computed (an array length).</summary>
    internal static GjsonResult FromCount(int count) =>
        new(GjsonType.Number, default, count.ToString(CultureInfo.InvariantCulture), false);

    /// <summary>An array or object gjson assembled from several values.</summary>
    internal static GjsonResult FromBuiltJson(string raw) => new(GjsonType.Json, default, raw, false);

    /// <summary>
    /// gjson's <c>String()</c>: strings unescaped, numbers as written, <c>true</c>/<c>false</c>, objects and arrays as
    /// their raw JSON, and empty for null or nothing.
    /// </summary>
    public override string ToString() => Type switch
    {
        GjsonType.String => _fromUtf8 ? WithChars(static chars => new string(chars)) : _element.GetString() ?? string.Empty,
        GjsonType.True => "true",
        GjsonType.False => "false",
        GjsonType.Number or GjsonType.Json => Raw,
        _ => string.Empty,
    };

    /// <summary>gjson's <c>Float()</c>: numbers as is, strings parsed by Go's ParseFloat (0 when they do not parse), true as 1, else 0.</summary>
    public double ToDouble()
    {
        switch (Type)
        {
            case GjsonType.Number:
                if (_fromElement)
                {
                    return _element.TryGetDouble(out var d) ? d : 0;
                }

                if (_fromUtf8)
                {
                    return double.TryParse(_utf8.Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var u) ? u : 0;
                }

                return double.Parse(_raw!, CultureInfo.InvariantCulture);
            case GjsonType.String:
                return WithChars(static chars => GoStrconv.TryParseFloat(chars, out var v) ? v : 0);
            case GjsonType.True:
                return 1;
            default:
                return 0;
        }
    }

    /// <summary>gjson's <c>Bool()</c>: true is true, strings parsed by Go's ParseBool (false when they do not parse), non-zero numbers are true.</summary>
    public bool ToBoolean() => Type switch
    {
        GjsonType.True => true,
        GjsonType.String => WithChars(static chars => GoStrconv.TryParseBool(chars, out var b) && b),
        GjsonType.Number => ToDouble() != 0,
        _ => false,
    };

    /// <summary>
    /// gjson's <c>Value()</c>: <see cref="string"/>, <see cref="double"/>, <see cref="bool"/>, null, or for objects and arrays
    /// a <see cref="Dictionary{TKey, TValue}"/> of string to value and a <see cref="List{T}"/> of values.
    /// </summary>
    public object? ToValue()
    {
        switch (Type)
        {
            case GjsonType.String:
                return ToString();
            case GjsonType.Number:
                return ToDouble();
            case GjsonType.True:
                return true;
            case GjsonType.False:
                return false;
            case GjsonType.Json:
                if (_fromElement)
                {
                    return Convert(_element);
                }

                using (var doc = _fromUtf8 ? JsonDocument.Parse(_utf8) : JsonDocument.Parse(_raw!))
                {
                    return Convert(doc.RootElement);
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="regex"/> finds a match anywhere in <see cref="ToString"/>. For plain strings of the
    /// document this decodes into a pooled buffer instead of allocating a string per evaluation.
    /// </summary>
    public bool IsMatch(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return Type == GjsonType.String ? WithChars(regex, static (r, chars) => r.IsMatch(chars)) : regex.IsMatch(ToString());
    }

    private T WithChars<T>(Func<ReadOnlySpan<char>, T> use) => WithChars(use, static (u, chars) => u(chars));

    private T WithChars<TState, T>(TState state, Func<TState, ReadOnlySpan<char>, T> use)
    {
        var raw = _fromUtf8 ? _utf8.Span : JsonMarshal.GetRawUtf8Value(_element);

        // Escaped strings are rare in filters; those go through the decoder that understands escapes.
        if (raw.IndexOf((byte)'\\') >= 0 || raw.Length > 4096)
        {
            return use(state, _fromUtf8 ? DecodeString(_utf8.Span) : _element.GetString());
        }

        var utf8 = raw[1..^1];
        var buffer = ArrayPool<char>.Shared.Rent(utf8.Length);
        try
        {
            var n = Encoding.UTF8.GetChars(utf8, buffer);
            return use(state, buffer.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string DecodeString(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }

    private static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var p in element.EnumerateObject())
                {
                    // gjson keeps the first of duplicate keys.
                    map.TryAdd(p.Name, Convert(p.Value));
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(Convert(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetDouble(out var d) ? d : 0.0;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
