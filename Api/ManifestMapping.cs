using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ArgoEvents.Api;

/// <summary>A mapping (JSON object) with scalar keys, in the order they were written; keys are unique.</summary>
public sealed class ManifestMapping : ManifestNode
{
    private readonly Dictionary<string, ManifestMappingEntry> _byKey;

    /// <summary>Creates a mapping; throws when two entries share a key.</summary>
    public ManifestMapping(IEnumerable<ManifestMappingEntry> entries, int line = 0, int column = 0)
        : base(line, column)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        _byKey = new Dictionary<string, ManifestMappingEntry>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (!_byKey.TryAdd(entry.Key.Value, entry))
            {
                throw new ArgumentException($"The key '{entry.Key.Value}' appears twice in one mapping.", nameof(entries));
            }
        }
    }

    /// <summary>The entries in written order.</summary>
    public IReadOnlyList<ManifestMappingEntry> Entries { get; }

    /// <summary>Finds the value of a key.</summary>
    public bool TryGetValue(string key, [NotNullWhen(true)] out ManifestNode? value)
    {
        if (_byKey.TryGetValue(key, out var entry))
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var entry in Entries)
        {
            writer.WritePropertyName(entry.Key.Value);
            entry.Value.WriteJson(writer);
        }

        writer.WriteEndObject();
    }

    internal override string Describe() => "a mapping";
}
