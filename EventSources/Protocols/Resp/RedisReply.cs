using System.Text;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// One RESP2 reply. The bytes of a whole reply are copied once out of the receive buffer into one array; strings and
/// nested items are slices of it, so reading them copies nothing.
/// </summary>
public readonly struct RedisReply
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _integer;
    private readonly RedisReply[]? _items;
    private readonly bool _isNull;

    private RedisReply(RedisReplyKind kind, ReadOnlyMemory<byte> bytes, long integer, RedisReply[]? items, bool isNull)
    {
        Kind = kind;
        _bytes = bytes;
        _integer = integer;
        _items = items;
        _isNull = isNull;
    }

    /// <summary>The reply's type.</summary>
    public RedisReplyKind Kind { get; }

    /// <summary>True for the null bulk string (<c>$-1</c>) and the null array (<c>*-1</c>).</summary>
    public bool IsNull => _isNull;

    /// <summary>The text of a simple string or error, or the content of a bulk string (empty when null).</summary>
    public ReadOnlyMemory<byte> Bytes => Kind is RedisReplyKind.SimpleString or RedisReplyKind.Error or RedisReplyKind.BulkString
        ? _bytes
        : throw WrongKind("bytes");

    /// <summary>The value of an integer reply.</summary>
    public long Integer => Kind == RedisReplyKind.Integer ? _integer : throw WrongKind("an integer");

    /// <summary>The items of an array (empty for the null array).</summary>
    public ReadOnlySpan<RedisReply> Items => Kind == RedisReplyKind.Array ? _items : throw WrongKind("array items");

    /// <summary>Number of items of an array (0 for the null array).</summary>
    public int Count => Kind == RedisReplyKind.Array ? _items?.Length ?? 0 : throw WrongKind("array items");

    /// <summary>The item at <paramref name="index"/> of an array.</summary>
    public RedisReply this[int index] => Items[index];

    /// <summary>The string content decoded as UTF-8, or null for the null bulk string.</summary>
    public string? AsString() => _isNull ? null : Encoding.UTF8.GetString(Bytes.Span);

    /// <summary>Whether this is a simple or bulk string equal to <paramref name="ascii"/>, compared without decoding.</summary>
    public bool Is(ReadOnlySpan<byte> ascii) =>
        Kind is RedisReplyKind.SimpleString or RedisReplyKind.BulkString && !_isNull && _bytes.Span.SequenceEqual(ascii);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        _ when _isNull => $"{Kind}(null)",
        RedisReplyKind.Integer => $"Integer({_integer})",
        RedisReplyKind.Array => $"Array[{string.Join(", ", _items!.Select(i => i.ToString()))}]",
        _ => $"{Kind}({Encoding.UTF8.GetString(_bytes.Span)})",
    };

    internal static RedisReply Simple(ReadOnlyMemory<byte> text) => new(RedisReplyKind.SimpleString, text, 0, null, false);

    internal static RedisReply Error(ReadOnlyMemory<byte> text) => new(RedisReplyKind.Error, text, 0, null, false);

    internal static RedisReply FromInteger(long value) => new(RedisReplyKind.Integer, default, value, null, false);

    internal static RedisReply Bulk(ReadOnlyMemory<byte> content) => new(RedisReplyKind.BulkString, content, 0, null, false);

    internal static RedisReply NullBulk() => new(RedisReplyKind.BulkString, default, 0, null, true);

    internal static RedisReply FromArray(RedisReply[] items) => new(RedisReplyKind.Array, default, 0, items, false);

    internal static RedisReply NullArray() => new(RedisReplyKind.Array, default, 0, [], true);

    private InvalidOperationException WrongKind(string wanted) =>
        new($"A Redis {Kind} reply has no {wanted}; the command's reply was {this}.");
}
