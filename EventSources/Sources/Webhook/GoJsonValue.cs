using System.Buffers;
using System.Text.Json;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// JSON as Go writes it after reading it into <c>interface{}</c> (maps, slices, float64): object keys sorted by
/// byte order with the last of duplicate keys winning, numbers as float64, strings with Go's escapes. Argo does this
/// round trip to GitHub bodies and Stripe's <c>previous_attributes</c>, so sensors see exactly this text.
/// </summary>
internal static class GoJsonValue
{
    /// <summary>How deep the JSON these sources re-encode may nest (Go allows far more than System.Text.Json's 64).</summary>
    public static JsonDocumentOptions ReadOptions { get; } = new() { MaxDepth = 256 };

    /// <summary>Writes <paramref name="value"/>.</summary>
    /// <exception cref="JsonException">A number does not fit a float64.</exception>
    public static void Write(IBufferWriter<byte> output, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(output, value, []);
                break;
            case JsonValueKind.Array:
                GoJsonWriter.Raw(output, "["u8);
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        GoJsonWriter.Raw(output, ","u8);
                    }

                    first = false;
                    Write(output, item);
                }

                GoJsonWriter.Raw(output, "]"u8);
                break;
            case JsonValueKind.String:
                GoJson.WriteString(output, value.GetString()!);
                break;
            case JsonValueKind.Number:
                if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    throw new JsonException($"the number {value.GetRawText()} does not fit a float64");
                }

                GoFloat.Write(output, number);
                break;
            case JsonValueKind.True:
                GoJsonWriter.Raw(output, "true"u8);
                break;
            case JsonValueKind.False:
                GoJsonWriter.Raw(output, "false"u8);
                break;
            default:
                GoJsonWriter.Raw(output, "null"u8);
                break;
        }
    }

    /// <summary>
    /// Writes the object <paramref name="value"/> as a Go map, with <paramref name="overrides"/> set as string members
    /// (replacing members of the same name), as Go does after assigning them to the map.
    /// </summary>
    public static void WriteObject(IBufferWriter<byte> output, JsonElement value, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        var members = new SortedDictionary<string, JsonElement?>(Utf8ByteOrder.Instance);
        foreach (var property in value.EnumerateObject())
        {
            members[property.Name] = property.Value;
        }

        foreach (var (name, _) in overrides)
        {
            members[name] = null;
        }

        GoJsonWriter.Raw(output, "{"u8);
        var first = true;
        foreach (var (name, member) in members)
        {
            if (!first)
            {
                GoJsonWriter.Raw(output, ","u8);
            }

            first = false;
            GoJson.WriteString(output, name);
            GoJsonWriter.Raw(output, ":"u8);
            if (member is { } element)
            {
                Write(output, element);
            }
            else
            {
                GoJson.WriteString(output, overrides.Last(o => o.Key == name).Value);
            }
        }

        GoJsonWriter.Raw(output, "}"u8);
    }

    /// <summary>Go sorts map keys by their UTF-8 bytes, which is code point order, not UTF-16 order.</summary>
    private sealed class Utf8ByteOrder : IComparer<string>
    {
        public static readonly Utf8ByteOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = (x ?? "").EnumerateRunes();
            var right = (y ?? "").EnumerateRunes();
            while (true)
            {
                var hasLeft = left.MoveNext();
                var hasRight = right.MoveNext();
                if (!hasLeft || !hasRight)
                {
                    return hasLeft.CompareTo(hasRight);
                }

                var order = left.Current.Value.CompareTo(right.Current.Value);
                if (order != 0)
                {
                    return order;
                }
            }
        }
    }
}
