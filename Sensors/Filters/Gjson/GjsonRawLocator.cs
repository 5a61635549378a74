using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>
/// Finds the value a plain key path (<c>a.b.0.c</c>: keys and array indexes, no wildcards, queries or multipaths) selects
/// in JSON text that is known to be well formed, by scanning the bytes as gjson does: values off the path are skipped
/// by matching brackets and quotes, never parsed. The first of duplicate keys wins, as in gjson.
/// </summary>
internal sealed class GjsonRawLocator
{
    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarStops = SearchValues.Create(",}] \t\r\n"u8);

    private readonly byte[][] _keys;
    private readonly int[] _indexes;

    private GjsonRawLocator(byte[][] keys, int[] indexes)
    {
        _keys = keys;
        _indexes = indexes;
    }

    /// <summary>A locator for <paramref name="segments"/>, or null when the path is not a plain key path.</summary>
    public static GjsonRawLocator? TryCreate(IReadOnlyList<GjsonSegment> segments)
    {
        if (segments.Count == 0 || segments.Any(s => s is not KeySegment { HasWildcard: false }))
        {
            return null;
        }

        var keys = segments.Cast<KeySegment>().ToArray();
        return new GjsonRawLocator([.. keys.Select(k => Encoding.UTF8.GetBytes(k.Name))], [.. keys.Select(k => k.Index)]);
    }

    /// <summary>How many keys the path has.</summary>
    public int Depth => _keys.Length;

    /// <summary>How many leading keys this path shares with <paramref name="other"/> (same key text at the same levels).</summary>
    public int SharedPrefix(GjsonRawLocator? other)
    {
        if (other is null)
        {
            return 0;
        }

        var n = 0;
        while (n < _keys.Length && n < other._keys.Length && _keys[n].AsSpan().SequenceEqual(other._keys[n]) && _indexes[n] == other._indexes[n])
        {
            n++;
        }

        return n;
    }

    /// <summary>The byte range of the selected value, or false when the path selects nothing.</summary>
    public bool TryLocate(ReadOnlySpan<byte> json, out int start, out int length)
    {
        Span<int> positions = stackalloc int[_keys.Length];
        return TryLocate(json, positions, 0, out start, out length);
    }

    /// <summary>
    /// Like <see cref="TryLocate(ReadOnlySpan{byte}, out int, out int)"/>, resuming after <paramref name="known"/> levels
    /// whose value positions <paramref name="positions"/> already holds (from a path sharing that prefix, evaluated on the
    /// same data); the positions of the levels resolved here are written back. When a level is not found, the positions
    /// from that level on are not valid.
    /// </summary>
    public bool TryLocate(ReadOnlySpan<byte> json, Span<int> positions, int known, out int start, out int length)
    {
        start = 0;
        length = 0;
        var i = known == 0 ? SkipSpace(json, 0) : positions[known - 1];
        for (var level = known; level < _keys.Length; level++)
        {
            if (i >= json.Length)
            {
                return false;
            }

            var found = json[i] switch
            {
                (byte)'{' => FindKey(json, i + 1, _keys[level], out i),
                (byte)'[' when _indexes[level] >= 0 => FindIndex(json, i + 1, _indexes[level], out i),
                _ => false,
            };
            if (!found)
            {
                return false;
            }

            positions[level] = i;
        }

        start = i;
        length = SkipValue(json, i) - i;
        return true;
    }

    private static bool FindKey(ReadOnlySpan<byte> json, int i, byte[] key, out int valueStart)
    {
        valueStart = 0;
        while (true)
        {
            i = SkipSpace(json, i);
            if (i >= json.Length || json[i] != '"')
            {
                return false;
            }

            var keyEnd = SkipString(json, i);
            var raw = json[(i + 1)..(keyEnd - 1)];
            i = SkipSpace(json, keyEnd);
            if (i >= json.Length || json[i] != ':')
            {
                return false;
            }

            i = SkipSpace(json, i + 1);
            if (KeyEquals(raw, key))
            {
                valueStart = i;
                return true;
            }

            i = SkipSpace(json, SkipValue(json, i));
            if (i >= json.Length || json[i] != ',')
            {
                return false;
            }

            i++;
        }
    }

    private static bool FindIndex(ReadOnlySpan<byte> json, int i, int index, out int valueStart)
    {
        valueStart = 0;
        for (var n = 0; ; n++)
        {
            i = SkipSpace(json, i);
            if (i >= json.Length || json[i] == ']')
            {
                return false;
            }

            if (n == index)
            {
                valueStart = i;
                return true;
            }

            i = SkipSpace(json, SkipValue(json, i));
            if (i >= json.Length || json[i] != ',')
            {
                return false;
            }

            i++;
        }
    }

    private static bool KeyEquals(ReadOnlySpan<byte> raw, byte[] key)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return raw.SequenceEqual(key);
        }

        // An escaped key is rare: decode it the standard way.
        Span<byte> quoted = raw.Length + 2 <= 256 ? stackalloc byte[raw.Length + 2] : new byte[raw.Length + 2];
        quoted[0] = (byte)'"';
        raw.CopyTo(quoted[1..]);
        quoted[^1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.ValueTextEquals(key);
    }

    private static int SkipValue(ReadOnlySpan<byte> json, int i)
    {
        if (i >= json.Length)
        {
            return i;
        }

        switch (json[i])
        {
            case (byte)'"':
                return SkipString(json, i);
            case (byte)'{' or (byte)'[':
                // A byte loop beats vectorized searches here: the stops (quotes, brackets) come every few bytes.
                var depth = 0;
                for (; i < json.Length; i++)
                {
                    var c = json[i];
                    if (c == '"')
                    {
                        i = SkipString(json, i) - 1;
                    }
                    else if (c is (byte)'{' or (byte)'[')
                    {
                        depth++;
                    }
                    else if (c is (byte)'}' or (byte)']' && --depth == 0)
                    {
                        return i + 1;
                    }
                }

                return json.Length;
            default:
                var end = json[i..].IndexOfAny(ScalarStops);
                return end < 0 ? json.Length : i + end;
        }
    }

    // From an opening quote to just past its closing quote: short strings byte by byte, long ones vectorized.
    private static int SkipString(ReadOnlySpan<byte> json, int i)
    {
        var shortEnd = Math.Min(json.Length, i + 32);
        for (i++; i < shortEnd; i++)
        {
            var c = json[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\')
            {
                i++;
            }
        }

        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny(StringStops);
            if (next < 0)
            {
                return json.Length;
            }

            i += next;
            if (json[i] == '"')
            {
                return i + 1;
            }

            i += 2;
        }

        return json.Length;
    }

    private static int SkipSpace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
