using System.Text;
using System.Text.Json;

namespace ArgoEvents.Api;

/// <summary>
/// Reads one strict JSON document into a <see cref="ManifestNode"/> tree. Positions are computed from byte offsets,
/// so errors in JSON name a line and column just as they do in YAML.
/// </summary>
internal static class JsonDocumentReader
{
    private const int MaxDepth = 256;

    public static IReadOnlyList<ParsedDocument> Read(byte[] utf8, string sourceName, List<ManifestError> errors)
    {
        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
            {
                return [];
            }

            var root = ReadValue(ref reader, lines, sourceName, errors);
            if (reader.Read())
            {
                errors.Add(new ManifestError(lines.At(reader.TokenStartIndex).In(sourceName), null, "malformed JSON: more than one value in the document"));
            }

            return [new ParsedDocument(0, root, root.Position)];
        }
        catch (JsonException ex)
        {
            var position = new SourcePosition((int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            errors.Add(new ManifestError(position.In(sourceName), null, "malformed JSON: " + FirstSentence(ex.Message)));
            return [];
        }
    }

    private static ManifestNode ReadValue(ref Utf8JsonReader reader, LineMap lines, string sourceName, List<ManifestError> errors)
    {
        var at = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<ManifestMappingEntry>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var keyAt = lines.At(reader.TokenStartIndex);
                    var key = new ManifestScalar(reader.GetString()!, isQuoted: true, line: keyAt.Line, column: keyAt.Column);
                    reader.Read();
                    var value = ReadValue(ref reader, lines, sourceName, errors);
                    if (seen.Add(key.Value))
                    {
                        entries.Add(new ManifestMappingEntry(key, value));
                    }
                    else
                    {
                        errors.Add(new ManifestError(keyAt.In(sourceName), null, $"duplicate key '{key.Value}'"));
                    }
                }

                return new ManifestMapping(entries, at.Line, at.Column);
            case JsonTokenType.StartArray:
                var items = new List<ManifestNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines, sourceName, errors));
                }

                return new ManifestSequence(items, at.Line, at.Column);
            case JsonTokenType.String:
                return new ManifestScalar(reader.GetString()!, isQuoted: true, line: at.Line, column: at.Column);
            case JsonTokenType.Number:
                return new ManifestScalar(Encoding.UTF8.GetString(reader.ValueSpan), isQuoted: false, line: at.Line, column: at.Column);
            case JsonTokenType.True:
                return new ManifestScalar("true", isQuoted: false, line: at.Line, column: at.Column);
            case JsonTokenType.False:
                return new ManifestScalar("false", isQuoted: false, line: at.Line, column: at.Column);
            default:
                return new ManifestScalar("null", isQuoted: false, line: at.Line, column: at.Column);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Turns byte offsets into 1-based lines and columns.</summary>
    private sealed class LineMap
    {
        private readonly List<long> _lineStarts = [0];

        public LineMap(byte[] utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public SourcePosition At(long offset)
        {
            var index = _lineStarts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return new SourcePosition(line + 1, (int)(offset - _lineStarts[line]) + 1);
        }
    }
}
