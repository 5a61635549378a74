using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>
/// <c>queueDeclare.arguments</c>: a YAML (or JSON) map of x-arguments, e.g. <c>x-queue-type: quorum</c>, read as
/// Argo reads it into an AMQP table. Plain scalars become booleans, integers or doubles when they read as such, and
/// strings otherwise; integers stay integers so that arguments such as <c>x-max-length</c> keep the type the broker
/// requires.
/// </summary>
internal static class AmqpQueueArguments
{
    /// <summary>The table, or null for empty text.</summary>
    /// <exception cref="FormatException">The text is not a YAML map.</exception>
    public static Dictionary<string, object?>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "null" or "~" })
        {
            return null;
        }

        return stream.Documents[0].RootNode is YamlMappingNode map
            ? ReadMap(map)
            : throw new FormatException("expected a map of argument names to values.");
    }

    private static Dictionary<string, object?> ReadMap(YamlMappingNode map)
    {
        var table = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode { Value: { } k } ? k : throw new FormatException("argument names must be plain text.");
            table[name] = Read(value);
        }

        return table;
    }

    private static object? Read(YamlNode node) => node switch
    {
        YamlMappingNode map => ReadMap(map),
        YamlSequenceNode list => list.Children.Select(Read).ToList(),
        YamlScalarNode scalar => ReadScalar(scalar),
        _ => throw new FormatException($"unsupported YAML node at {node.Start}."),
    };

    private static object? ReadScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return value;
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => real,
            _ => value,
        };
    }
}
