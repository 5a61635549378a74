using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArgoEvents.Api;

/// <summary>
/// Reads every document of a YAML stream into <see cref="ManifestNode"/> trees, keeping positions. Duplicate keys,
/// non-scalar keys and aliases to unknown anchors are errors; <c>&lt;&lt;</c> merge keys are applied. A syntax error
/// ends the stream: the documents before it are returned, the error is reported with its position.
/// </summary>
internal sealed class YamlDocumentReader
{
    private const int MaxDepth = 256;
    private const string MergeKey = "<<";

    private readonly IParser _parser;
    private readonly string _sourceName;
    private readonly List<ManifestError> _errors;
    private readonly Dictionary<string, ManifestNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<(SourcePosition Start, char Opener)> _openFlowCollections = new();
    private Mark _lastGoodMark = Mark.Empty;

    private YamlDocumentReader(TextReader text, string sourceName, List<ManifestError> errors)
    {
        _parser = new Parser(text);
        _sourceName = sourceName;
        _errors = errors;
    }

    public static IReadOnlyList<ParsedDocument> Read(TextReader text, string sourceName, List<ManifestError> errors)
    {
        var reader = new YamlDocumentReader(text, sourceName, errors);
        return reader.ReadStream();
    }

    private static SourcePosition At(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private IReadOnlyList<ParsedDocument> ReadStream()
    {
        var documents = new List<ParsedDocument>();
        try
        {
            Consume<StreamStart>();
            while (!TryConsume<StreamEnd>(out _))
            {
                var start = Consume<DocumentStart>();
                _anchors.Clear();
                var root = ReadNode(0);
                Consume<DocumentEnd>();
                var isEmpty = root is ManifestScalar { IsNull: true, IsQuoted: false, Tag: null };
                documents.Add(new ParsedDocument(documents.Count, isEmpty ? null : root, At(start.Start)));
            }
        }
        catch (YamlException ex)
        {
            AddError(At(ex.Start), $"malformed YAML: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // The YamlDotNet scanner fails this way on some unterminated flow collections instead of raising a YamlException.
            if (_openFlowCollections.TryPeek(out var open))
            {
                AddError(open.Start, $"malformed YAML: the '{open.Opener}' opened here is never closed");
            }
            else
            {
                AddError(At(_lastGoodMark), "malformed YAML after this point");
            }
        }

        return documents;
    }

    private ManifestNode ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new SemanticErrorException(_parser.Current?.Start ?? Mark.Empty, _parser.Current?.End ?? Mark.Empty, $"nesting deeper than {MaxDepth} levels");
        }

        if (TryConsume<AnchorAlias>(out var alias))
        {
            if (_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            AddError(At(alias.Start), $"alias '*{alias.Value.Value}' refers to an anchor that is not defined before it");
            return new ManifestScalar(string.Empty, isQuoted: false, line: (int)alias.Start.Line, column: (int)alias.Start.Column);
        }

        ManifestNode node;
        NodeEvent start;
        if (TryConsume<Scalar>(out var scalar))
        {
            start = scalar;
            node = new ManifestScalar(
                scalar.Value,
                isQuoted: scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any,
                tag: scalar.Tag.IsEmpty ? null : scalar.Tag.Value,
                line: (int)scalar.Start.Line,
                column: (int)scalar.Start.Column);
        }
        else if (TryConsume<SequenceStart>(out var sequenceStart))
        {
            start = sequenceStart;
            var flow = sequenceStart.Style == SequenceStyle.Flow;
            if (flow)
            {
                _openFlowCollections.Push((At(sequenceStart.Start), '['));
            }

            var items = new List<ManifestNode>();
            while (!TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(depth + 1));
            }

            if (flow)
            {
                _openFlowCollections.Pop();
            }

            node = new ManifestSequence(items, (int)sequenceStart.Start.Line, (int)sequenceStart.Start.Column);
        }
        else
        {
            var mappingStart = Consume<MappingStart>();
            start = mappingStart;
            var flow = mappingStart.Style == MappingStyle.Flow;
            if (flow)
            {
                _openFlowCollections.Push((At(mappingStart.Start), '{'));
            }

            node = ReadMapping(mappingStart, depth);
            if (flow)
            {
                _openFlowCollections.Pop();
            }
        }

        if (!start.Anchor.IsEmpty)
        {
            _anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private ManifestMapping ReadMapping(MappingStart mappingStart, int depth)
    {
        var entries = new List<ManifestMappingEntry>();
        var seen = new Dictionary<string, ManifestScalar>(StringComparer.Ordinal);
        var merged = new List<ManifestMappingEntry>();
        while (!TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (keyNode is not ManifestScalar key)
            {
                AddError(keyNode.Position, "mapping keys must be plain values, not a mapping or a sequence");
                continue;
            }

            if (key is { Value: MergeKey, IsQuoted: false })
            {
                CollectMergeSources(value, merged);
                continue;
            }

            if (seen.TryGetValue(key.Value, out var first))
            {
                AddError(key.Position, $"duplicate key '{key.Value}' (first written at line {first.Line}, column {first.Column})");
                continue;
            }

            seen.Add(key.Value, key);
            entries.Add(new ManifestMappingEntry(key, value));
        }

        // Keys written in the mapping itself win over merged ones; among merged mappings the first one listed wins.
        foreach (var entry in merged)
        {
            if (seen.TryAdd(entry.Key.Value, entry.Key))
            {
                entries.Add(entry);
            }
        }

        return new ManifestMapping(entries, (int)mappingStart.Start.Line, (int)mappingStart.Start.Column);
    }

    private void CollectMergeSources(ManifestNode value, List<ManifestMappingEntry> merged)
    {
        switch (value)
        {
            case ManifestMapping mapping:
                merged.AddRange(mapping.Entries);
                break;
            case ManifestSequence sequence when sequence.Items.All(item => item is ManifestMapping):
                foreach (var item in sequence.Items)
                {
                    merged.AddRange(((ManifestMapping)item).Entries);
                }

                break;
            default:
                AddError(value.Position, "a '<<' merge key needs a mapping or a sequence of mappings");
                break;
        }
    }

    private T Consume<T>()
        where T : ParsingEvent
    {
        var parsed = _parser.Consume<T>();
        _lastGoodMark = parsed.End;
        return parsed;
    }

    private bool TryConsume<T>([NotNullWhen(true)] out T? parsed)
        where T : ParsingEvent
    {
        if (_parser.TryConsume<T>(out parsed))
        {
            _lastGoodMark = parsed.End;
            return true;
        }

        return false;
    }

    private void AddError(SourcePosition position, string message) =>
        _errors.Add(new ManifestError(position.In(_sourceName), null, message));
}
