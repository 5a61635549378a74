using System.Text.Json;

namespace ArgoEvents.Api;

/// <summary>A sequence (JSON array) of nodes.</summary>
public sealed class ManifestSequence : ManifestNode
{
    /// <summary>Creates a sequence.</summary>
    public ManifestSequence(IEnumerable<ManifestNode> items, int line = 0, int column = 0)
        : base(line, column)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
    }

    /// <summary>The items in written order.</summary>
    public IReadOnlyList<ManifestNode> Items { get; }

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var item in Items)
        {
            item.WriteJson(writer);
        }

        writer.WriteEndArray();
    }

    internal override string Describe() => "a sequence";
}
