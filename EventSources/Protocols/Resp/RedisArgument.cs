using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// One word of a command: text (sent as UTF-8), bytes or an integer, converted implicitly so that a command reads as
/// <c>connection.ExecuteAsync(["XACK", stream, group, id])</c>. Nothing is encoded until the command is written.
/// </summary>
public readonly struct RedisArgument
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _integer;
    private readonly byte _form;

    private RedisArgument(string? text, ReadOnlyMemory<byte> bytes, long integer, byte form)
    {
        _text = text;
        _bytes = bytes;
        _integer = integer;
        _form = form;
    }

    /// <summary>A text argument, sent as its UTF-8 bytes.</summary>
    public static implicit operator RedisArgument(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(text, default, 0, 1);
    }

    /// <summary>A binary argument, sent as is.</summary>
    public static implicit operator RedisArgument(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new(null, bytes, 0, 2);
    }

    /// <summary>A binary argument, sent as is.</summary>
    public static implicit operator RedisArgument(ReadOnlyMemory<byte> bytes) => new(null, bytes, 0, 2);

    /// <summary>An integer argument, sent in decimal.</summary>
    public static implicit operator RedisArgument(long value) => new(null, default, value, 3);

    /// <summary>A text argument (named alternative to the implicit conversion).</summary>
    public static RedisArgument FromString(string text) => text;

    /// <summary>A binary argument (named alternative to the implicit conversion).</summary>
    public static RedisArgument FromBytes(ReadOnlyMemory<byte> bytes) => bytes;

    /// <summary>An integer argument (named alternative to the implicit conversion).</summary>
    public static RedisArgument FromInt64(long value) => value;

    /// <summary>The argument as text, for error messages.</summary>
    public override string ToString() => _form switch
    {
        1 => _text!,
        2 => Encoding.UTF8.GetString(_bytes.Span),
        3 => _integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    /// <summary>Writes <c>$len\r\ncontent\r\n</c>.</summary>
    internal void WriteTo(IBufferWriter<byte> writer)
    {
        switch (_form)
        {
            case 1:
                WriteHeader(writer, (byte)'$', Encoding.UTF8.GetByteCount(_text!));
                Encoding.UTF8.GetBytes(_text.AsSpan(), writer);
                break;
            case 2:
                WriteHeader(writer, (byte)'$', _bytes.Length);
                writer.Write(_bytes.Span);
                break;
            case 3:
                Span<byte> digits = stackalloc byte[20];
                Utf8Formatter.TryFormat(_integer, digits, out var written);
                WriteHeader(writer, (byte)'$', written);
                writer.Write(digits[..written]);
                break;
            default:
                throw new InvalidOperationException("A default RedisArgument carries no value; build arguments from a string, bytes or an integer.");
        }

        writer.Write("\r\n"u8);
    }

    /// <summary>Writes a <c>*n</c> or <c>$n</c> header line.</summary>
    internal static void WriteHeader(IBufferWriter<byte> writer, byte type, long length)
    {
        var span = writer.GetSpan(24);
        span[0] = type;
        Utf8Formatter.TryFormat(length, span[1..], out var written);
        span[written + 1] = (byte)'\r';
        span[written + 2] = (byte)'\n';
        writer.Advance(written + 3);
    }

    /// <summary>Whether this is a default value that carries nothing to send.</summary>
    internal bool IsEmpty => _form == 0;

    /// <summary>Whether this argument is the text <paramref name="ascii"/>, ignoring ASCII case (to recognise command names).</summary>
    internal bool IsCommand(string ascii) => _form == 1 && string.Equals(_text, ascii, StringComparison.OrdinalIgnoreCase);
}
