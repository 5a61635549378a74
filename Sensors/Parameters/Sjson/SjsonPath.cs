using System.Buffers;
using System.Text.Json;

namespace ArgoEvents.Sensors.Parameters.Sjson;

/// <summary>
/// A compiled sjson path (tidwall/sjson) for setting a value in a JSON document: dot-separated keys, array indexes
/// (<c>a.0</c>), <c>-1</c> to append to an array, backslash escapes (<c>a\.b</c> is the key <c>a.b</c>) and a leading
/// <c>:</c> on a component to force an object key (<c>a.:0</c>). Missing objects and arrays are created as sjson
/// creates them: a numeric component makes an array padded with nulls, any other makes an object; a scalar in the way
/// is replaced. The rest of the document is copied byte for byte. Paths with gjson query syntax
/// (<c>|</c>, <c>#</c>, <c>@</c>, <c>*</c>, <c>?</c>) are refused: sjson only replaces existing values through them.
/// </summary>
internal sealed class SjsonPath
{
    /// <summary>The largest array index a path may create, so a typo cannot make a document of millions of nulls.</summary>
    public const int MaxIndex = 1 << 20;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 512 };

    private readonly SjsonPathPart[] _parts;

    private SjsonPath(string text, SjsonPathPart[] parts)
    {
        Text = text;
        _parts = parts;
    }

    private enum StopKind
    {
        Found,
        MissingInObject,
        MissingInArray,
        NotAContainer,
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The unescaped components.</summary>
    public IReadOnlyList<SjsonPathPart> Parts => _parts;

    /// <summary>Parses <paramref name="path"/>.</summary>
    /// <exception cref="SjsonPathException">The path is empty or uses gjson query syntax.</exception>
    public static SjsonPath Compile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            throw new SjsonPathException(path, "path cannot be empty");
        }

        var parts = new List<SjsonPathPart>();
        var key = new System.Text.StringBuilder();
        var i = 0;
        while (true)
        {
            var force = false;
            if (i < path.Length && path[i] == ':')
            {
                force = true;
                i++;
            }

            key.Clear();
            var more = false;
            for (; i < path.Length; i++)
            {
                var c = path[i];
                if (c == '.')
                {
                    more = true;
                    i++;
                    break;
                }

                if (c is '|' or '#' or '@' or '*' or '?')
                {
                    throw new SjsonPathException(path, $"'{c}' at position {i} is gjson query syntax; only plain keys, indexes, -1 and escapes can be set");
                }

                if (c == '\\')
                {
                    // The escaped character is taken literally, whatever it is.
                    i++;
                    if (i < path.Length)
                    {
                        key.Append(path[i]);
                    }

                    continue;
                }

                key.Append(c);
            }

            parts.Add(new SjsonPathPart(key.ToString(), force));
            if (!more)
            {
                break;
            }
        }

        return new SjsonPath(path, [.. parts]);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Sets the string <paramref name="value"/> (JSON-quoted as sjson quotes it) at this path.</summary>
    /// <exception cref="SjsonPathException">The document is not valid JSON or the path cannot be set in it.</exception>
    public byte[] SetString(ReadOnlySpan<byte> json, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SetRaw(json, GoJsonString.Encode(value));
    }

    /// <summary>Sets the JSON text <paramref name="rawValue"/> at this path, as is (sjson's <c>SetRawBytes</c>).</summary>
    /// <exception cref="SjsonPathException">The document is not valid JSON or the path cannot be set in it.</exception>
    public byte[] SetRaw(ReadOnlySpan<byte> json, ReadOnlySpan<byte> rawValue)
    {
        var stop = Navigate(json);
        if (stop.Kind == StopKind.Found)
        {
            return Splice(json, stop.Start, stop.End, rawValue);
        }

        var part = _parts[stop.Depth];
        var insert = new ArrayBufferWriter<byte>(rawValue.Length + 32);
        switch (stop.Kind)
        {
            case StopKind.MissingInObject:
                if (stop.HasItems)
                {
                    insert.Write(","u8);
                }

                Build(insert, stop.Depth, inArray: false, rawValue);
                break;
            case StopKind.MissingInArray:
                if (!part.IsNumeric && !part.IsAppend)
                {
                    throw new SjsonPathException(Text, $"cannot set array element for non-numeric key '{part.Key}'");
                }

                if (stop.Count > 0)
                {
                    insert.Write(","u8);
                }

                if (part.IsNumeric)
                {
                    WriteNulls(insert, part.DigitIndex - stop.Count);
                }

                Build(insert, stop.Depth, inArray: true, rawValue);
                break;
            default:
                if (part.IsNumeric)
                {
                    insert.Write("["u8);
                    WriteNulls(insert, part.DigitIndex);
                    Build(insert, stop.Depth, inArray: true, rawValue);
                    insert.Write("]"u8);
                }
                else
                {
                    insert.Write("{"u8);
                    Build(insert, stop.Depth, inArray: false, rawValue);
                    insert.Write("}"u8);
                }

                break;
        }

        return Splice(json, stop.Start, stop.End, insert.WrittenSpan);
    }

    /// <summary>Finds the value at this path; <paramref name="start"/> and <paramref name="length"/> locate its JSON text.</summary>
    /// <exception cref="SjsonPathException">The document is not valid JSON.</exception>
    public bool TryFind(ReadOnlySpan<byte> json, out int start, out int length)
    {
        var stop = Navigate(json);
        start = stop.Start;
        length = stop.End - stop.Start;
        return stop.Kind == StopKind.Found;
    }

    private static byte[] Splice(ReadOnlySpan<byte> json, int start, int end, ReadOnlySpan<byte> middle)
    {
        var result = new byte[start + middle.Length + (json.Length - end)];
        json[..start].CopyTo(result);
        middle.CopyTo(result.AsSpan(start));
        json[end..].CopyTo(result.AsSpan(start + middle.Length));
        return result;
    }

    private void WriteNulls(ArrayBufferWriter<byte> output, int count)
    {
        if (count > MaxIndex)
        {
            throw new SjsonPathException(Text, $"array index is larger than {MaxIndex}");
        }

        for (var i = 0; i < count; i++)
        {
            output.Write("null,"u8);
        }
    }

    // sjson's appendBuild: the key (outside arrays), then either the value or a new container for the next component.
    private void Build(ArrayBufferWriter<byte> output, int depth, bool inArray, ReadOnlySpan<byte> rawValue)
    {
        if (!inArray)
        {
            GoJsonString.Write(output, _parts[depth].Key);
            output.Write(":"u8);
        }

        if (depth == _parts.Length - 1)
        {
            output.Write(rawValue);
            return;
        }

        var next = _parts[depth + 1];
        if (next.IsNumeric || next.IsAppend)
        {
            output.Write("["u8);
            if (next.IsNumeric)
            {
                WriteNulls(output, next.DigitIndex);
            }

            Build(output, depth + 1, inArray: true, rawValue);
            output.Write("]"u8);
        }
        else
        {
            output.Write("{"u8);
            Build(output, depth + 1, inArray: false, rawValue);
            output.Write("}"u8);
        }
    }

    private Stop Navigate(ReadOnlySpan<byte> json)
    {
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new Stop(StopKind.NotAContainer, 0, 0, json.Length, false, 0);
        }

        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            reader.Read();
            for (var depth = 0; ; depth++)
            {
                var part = _parts[depth];
                var found = false;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        var hasMembers = false;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                        {
                            hasMembers = true;
                            var matches = reader.ValueTextEquals(part.Key);
                            reader.Read();
                            if (matches)
                            {
                                found = true;
                                break;
                            }

                            reader.Skip();
                        }

                        if (!found)
                        {
                            var close = (int)reader.TokenStartIndex;
                            return new Stop(StopKind.MissingInObject, depth, close, close, hasMembers, 0);
                        }

                        break;
                    case JsonTokenType.StartArray:
                        var count = 0;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (count == part.DigitIndex)
                            {
                                found = true;
                                break;
                            }

                            reader.Skip();
                            count++;
                        }

                        if (!found)
                        {
                            var close = (int)reader.TokenStartIndex;
                            return new Stop(StopKind.MissingInArray, depth, close, close, count > 0, count);
                        }

                        break;
                    default:
                        var scalarStart = (int)reader.TokenStartIndex;
                        return new Stop(StopKind.NotAContainer, depth, scalarStart, (int)reader.BytesConsumed, false, 0);
                }

                if (depth == _parts.Length - 1)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    return new Stop(StopKind.Found, depth, start, (int)reader.BytesConsumed, false, 0);
                }
            }
        }
        catch (JsonException e)
        {
            throw new SjsonPathException(Text, $"the document is not valid JSON ({e.Message})");
        }
    }

    private readonly record struct Stop(StopKind Kind, int Depth, int Start, int End, bool HasItems, int Count);
}
