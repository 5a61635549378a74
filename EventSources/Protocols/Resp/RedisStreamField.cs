using System.Text;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>One field/value pair of a stream entry, as the bytes Redis stores.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Value">The field value.</param>
public readonly record struct RedisStreamField(ReadOnlyMemory<byte> Name, ReadOnlyMemory<byte> Value)
{
    /// <summary>The field name decoded as UTF-8.</summary>
    public string NameText => Encoding.UTF8.GetString(Name.Span);

    /// <summary>The value decoded as UTF-8.</summary>
    public string ValueText => Encoding.UTF8.GetString(Value.Span);
}
