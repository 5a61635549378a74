using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoEvents.Api;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArgoEvents.Sensors.Artifacts;

/// <summary>
/// Turns the text of a trigger source, YAML or JSON, into the JSON of the one Kubernetes object it holds (the first
/// document, as Argo's YAML decoding reads it). Plain YAML scalars become JSON numbers, booleans and nulls as the rest
/// of the manifest model reads them.
/// </summary>
internal static class ManifestText
{
    /// <summary>The object in <paramref name="text"/> as UTF-8 JSON.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="origin">Where the text came from, for messages.</param>
    /// <exception cref="FormatException">The text is not YAML or JSON, or holds no object.</exception>
    public static byte[] ToJsonObject(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.StartsWith("{"))
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject json)
                {
                    return Encoding.UTF8.GetBytes(json.ToJsonString());
                }
            }
            catch (JsonException)
            {
                // Flow-style YAML also starts with '{'; let the YAML reader have it.
            }
        }

        var root = ReadFirstDocument(text, origin);
        if (root is not ManifestMapping)
        {
            throw new FormatException($"{origin} holds {(root is null ? "nothing" : "no mapping")}; a Kubernetes object (apiVersion, kind, metadata, ...) is needed.");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            root.WriteJson(writer);
        }

        return buffer.ToArray();
    }

    private static ManifestNode? ReadFirstDocument(string text, string origin)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{origin} is not valid YAML or JSON: {e.Message} (line {e.Start.Line}, column {e.Start.Column}).", e);
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, origin, depth: 0);
    }

    private static ManifestNode Convert(YamlNode node, string origin, int depth)
    {
        // Aliases may point back at their own ancestors; a real manifest is never this deep.
        if (depth > 256)
        {
            throw new FormatException($"{origin} nests deeper than 256 levels (a recursive alias?).");
        }

        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        switch (node)
        {
            case YamlScalarNode scalar:
                return new ManifestScalar(
                    scalar.Value ?? string.Empty,
                    scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any),
                    scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value,
                    line,
                    column);
            case YamlSequenceNode sequence:
                return new ManifestSequence(sequence.Children.Select(child => Convert(child, origin, depth + 1)), line, column);
            case YamlMappingNode mapping:
                var entries = new List<ManifestMappingEntry>();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode keyScalar)
                    {
                        throw new FormatException($"{origin} line {key.Start.Line}: a mapping key must be a scalar.");
                    }

                    entries.Add(new ManifestMappingEntry(
                        new ManifestScalar(keyScalar.Value ?? string.Empty, isQuoted: true, line: (int)key.Start.Line, column: (int)key.Start.Column),
                        Convert(value, origin, depth + 1)));
                }

                try
                {
                    return new ManifestMapping(entries, line, column);
                }
                catch (ArgumentException e)
                {
                    throw new FormatException($"{origin} line {line}: {e.Message}", e);
                }

            default:
                throw new FormatException($"{origin} line {line}: unsupported YAML node {node.NodeType}.");
        }
    }
}
