using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ArgoEvents.EventSources.Sources.StorageGrid;

/// <summary>
/// Turns the URL-encoded SNS <c>Publish</c> request StorageGRID posts (<c>Action=Publish&amp;Message=...&amp;TopicArn=...</c>)
/// into JSON the way Argo does: the whole body is URL-decoded once, split on <c>&amp;</c>, each pair split at its last
/// <c>=</c> and URL-decoded again; a value that is JSON (the S3 event in <c>Message</c>) is kept as JSON, any other is a
/// string; <c>a[b]=1</c> nests maps and <c>a[]=1</c> collects arrays. The double decoding is Argo's, kept so the same
/// bodies give the same notifications.
/// </summary>
internal static class StorageGridFormJson
{
    /// <summary>The JSON object for <paramref name="body"/>.</summary>
    /// <exception cref="FormatException">The body is not a query string Argo can read; the message says where.</exception>
    public static byte[] Convert(ReadOnlySpan<byte> body)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var part in QueryUnescape(Encoding.UTF8.GetString(body)).Split('&'))
        {
            var equals = part.LastIndexOf('=');
            if (equals < 0)
            {
                throw new FormatException($"'{Shorten(part)}' is not a key=value pair");
            }

            var key = QueryUnescape(part[..equals]);
            var value = Leaf(QueryUnescape(part[(equals + 1)..]));
            Merge(root, Nest(key, value));
        }

        var output = new ArrayBufferWriter<byte>(body.Length + 64);
        using (var writer = new Utf8JsonWriter(output))
        {
            Write(writer, root);
        }

        return output.WrittenSpan.ToArray();
    }

    private static Dictionary<string, object> Nest(string key, object value)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return new(StringComparer.Ordinal) { [key] = value };
        }

        var close = key.IndexOf(']', open);
        if (close < 0)
        {
            throw new FormatException($"the key '{Shorten(key)}' has an unclosed '['");
        }

        var inner = key[(open + 1)..close];
        var rest = inner + key[(close + 1)..];
        var nested = Nest(rest, value);
        object child = inner.Length == 0 ? new List<object> { nested[""] } : nested;
        return new(StringComparer.Ordinal) { [key[..open]] = child };
    }

    private static object Merge(object existing, object incoming)
    {
        switch (existing)
        {
            case Dictionary<string, object> map:
                if (incoming is not Dictionary<string, object> incomingMap)
                {
                    throw new FormatException("a key is used both as a value and as a map");
                }

                foreach (var (key, value) in incomingMap)
                {
                    map[key] = map.TryGetValue(key, out var current) ? Merge(current, value) : value;
                }

                return map;
            case List<object> list:
                if (incoming is not List<object> incomingList)
                {
                    throw new FormatException("a key is used both as a value and as an array");
                }

                list.AddRange(incomingList);
                return list;
            default:
                return incoming;
        }
    }

    private static JsonElement Leaf(string text)
    {
        // A value that reads as JSON stays JSON (numbers, booleans, the S3 event); anything else must read as a JSON
        // string once quoted, as Argo's converter demands.
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
        }

        try
        {
            using var quoted = JsonDocument.Parse($"\"{text}\"");
            return quoted.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException($"the value '{Shorten(text)}' is neither JSON nor a plain string: {e.Message}", e);
        }
    }

    private static void Write(Utf8JsonWriter writer, object node)
    {
        switch (node)
        {
            case Dictionary<string, object> map:
                writer.WriteStartObject();
                foreach (var (key, value) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case List<object> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>Go's url.QueryUnescape: '+' is a space, %XX a byte; a broken escape is an error.</summary>
    private static string QueryUnescape(string text)
    {
        if (text.AsSpan().IndexOfAny('%', '+') < 0)
        {
            return text;
        }

        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var source = Encoding.UTF8.GetBytes(text);
        var n = 0;
        for (var i = 0; i < source.Length; i++)
        {
            switch (source[i])
            {
                case (byte)'+':
                    bytes[n++] = (byte)' ';
                    break;
                case (byte)'%':
                    if (i + 2 >= source.Length || !byte.TryParse(source.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var decoded))
                    {
                        throw new FormatException($"invalid URL escape \"{Shorten(Encoding.UTF8.GetString(source, i, Math.Min(3, source.Length - i)))}\"");
                    }

                    bytes[n++] = decoded;
                    i += 2;
                    break;
                default:
                    bytes[n++] = source[i];
                    break;
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
