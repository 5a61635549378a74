using System.Text;
using System.Text.Json;

namespace ArgoEvents.Api;

/// <summary>
/// A JSON-like tree read from YAML or JSON, with the position of every node. The model keeps large Kubernetes
/// sub-objects (affinity, volumes, security contexts, resources, env) as such trees: preserved as written and
/// written back out by <see cref="WriteJson"/>.
/// </summary>
public abstract class ManifestNode
{
    private protected ManifestNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line where the node starts; zero when the node was built in code.</summary>
    public int Line { get; }

    /// <summary>1-based column where the node starts; zero when the node was built in code.</summary>
    public int Column { get; }

    internal SourcePosition Position => new(Line, Column);

    /// <summary>Writes the node as JSON (YAML plain scalars become JSON numbers, booleans and nulls where YAML 1.2 says so).</summary>
    public abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>The node as compact JSON text.</summary>
    public string ToJsonString()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Describes the node for error messages: "a mapping", "a sequence", "the value 'abc'".</summary>
    internal abstract string Describe();
}
