using System.Buffers.Text;
using System.Text.Json;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// Reads the JSON event format in one forward pass over the bytes. The data member is located
/// first and interpreted at the end, because datacontenttype may come after it.
/// </summary>
internal static class CloudEventJsonReader
{
    private const int MaxTimestampBytes = 64;

    public static CloudEvent Read(ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty)
        {
            throw new CloudEventValidationException(null, "A JSON CloudEvent must be a JSON object, but the input is empty.");
        }

        var state = new ReadState();
        var reader = new Utf8JsonReader(json.Span, CloudEventJsonFormat.ReaderOptions);
        try
        {
            ReadObject(ref reader, ref state);
        }
        catch (JsonException ex)
        {
            throw SyntaxError(json.Span, ex, state.CurrentMember);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reports invalid UTF-8 inside a string this way.
            throw new CloudEventValidationException(
                state.CurrentMember,
                $"JSON CloudEvent member '{state.CurrentMember}' cannot be read: {ex.Message}",
                ex);
        }

        return Complete(json, ref state);
    }

    private static void ReadObject(ref Utf8JsonReader reader, ref ReadState state)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CloudEventValidationException(
                null,
                $"A JSON CloudEvent must be a JSON object, but the input starts with a {Describe(reader.TokenType)}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = Identify(ref reader);
            state.CurrentMember = member == Member.Extension ? reader.GetString()! : NameOf(member);
            if (member != Member.Extension)
            {
                state.MarkSeen(member);
            }

            reader.Read();
            ReadMember(ref reader, ref state, member);
        }

        state.CurrentMember = null;

        // Trailing bytes other than whitespace make this throw.
        reader.Read();
    }

    private static void ReadMember(ref Utf8JsonReader reader, ref ReadState state, Member member)
    {
        var evt = state.Event;
        switch (member)
        {
            case Member.SpecVersion:
                ReadSpecVersion(ref reader, ref state);
                break;
            case Member.Id or Member.Source or Member.Type:
                ReadRequiredString(ref reader, ref state, member);
                break;
            case Member.Subject:
                evt.Subject = ReadOptionalString(ref reader, CloudEventAttributeNames.Subject);
                break;
            case Member.DataContentType:
                // The content type nearly every event carries is shared, not allocated per event.
                evt.DataContentType = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("application/json"u8)
                    ? CloudEventMediaType.ApplicationJson
                    : ReadOptionalString(ref reader, CloudEventAttributeNames.DataContentType);
                break;
            case Member.DataSchema:
                evt.DataSchema = ReadDataSchema(ref reader);
                break;
            case Member.Time:
                evt.Time = ReadTime(ref reader);
                break;
            case Member.Data:
                state.DataStart = (int)reader.TokenStartIndex;
                state.DataTokenType = reader.TokenType;
                reader.Skip();
                state.DataEnd = (int)reader.BytesConsumed;
                break;
            case Member.DataBase64:
                state.DataBase64 = ReadBase64(ref reader);
                break;
            default:
                ReadExtension(ref reader, ref state);
                break;
        }
    }

    private static void ReadSpecVersion(ref Utf8JsonReader reader, ref ReadState state)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        EnsureString(ref reader, CloudEventAttributeNames.SpecVersion);
        if (!reader.ValueTextEquals("1.0"u8))
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.SpecVersion,
                $"JSON CloudEvent has specversion \"{reader.GetString()}\", but only \"{CloudEvent.SupportedSpecVersion}\" is supported.");
        }

        state.HasSpecVersion = true;
    }

    private static void ReadRequiredString(ref Utf8JsonReader reader, ref ReadState state, Member member)
    {
        // A null value counts as omitted; Complete reports the attribute as missing.
        if (ReadOptionalString(ref reader, NameOf(member)) is not { } value)
        {
            return;
        }

        switch (member)
        {
            case Member.Id:
                state.Event.Id = value;
                break;
            case Member.Source:
                state.Event.Source = value;
                break;
            default:
                state.Event.Type = value;
                break;
        }

        state.MarkPresent(member);
    }

    private static string? ReadOptionalString(ref Utf8JsonReader reader, string attributeName)
    {
        // The JSON format treats null as an omitted attribute.
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        EnsureString(ref reader, attributeName);
        return reader.GetString();
    }

    private static Uri? ReadDataSchema(ref Utf8JsonReader reader)
    {
        var text = ReadOptionalString(ref reader, CloudEventAttributeNames.DataSchema);
        if (text is null)
        {
            return null;
        }

        if (!CloudEventUriRules.TryCreateAbsolute(text, out var uri))
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.DataSchema,
                $"JSON CloudEvent attribute 'dataschema' must be an absolute URI, but is \"{text}\".");
        }

        return uri;
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        EnsureString(ref reader, CloudEventAttributeNames.Time);
        Span<char> text = stackalloc char[MaxTimestampBytes];
        if (reader.ValueSpan.Length <= MaxTimestampBytes)
        {
            var length = reader.CopyString(text);
            if (CloudEventTimestamp.TryParse(text[..length], out var time))
            {
                return time;
            }
        }

        throw new CloudEventValidationException(
            CloudEventAttributeNames.Time,
            $"JSON CloudEvent attribute 'time' must be an RFC 3339 timestamp such as \"2026-07-18T12:00:00Z\", but is \"{reader.GetString()}\".");
    }

    private static ReadOnlyMemory<byte>? ReadBase64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        EnsureString(ref reader, CloudEventAttributeNames.DataBase64);
        ReadOnlySpan<byte> encoded = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            var unescaped = new byte[reader.ValueSpan.Length];
            encoded = unescaped.AsSpan(0, reader.CopyString(unescaped));
        }

        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        var status = Base64.DecodeFromUtf8(encoded, decoded, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.DataBase64,
                $"JSON CloudEvent member 'data_base64' is not valid base64 ({status}).");
        }

        return decoded.AsMemory(0, written);
    }

    private static void ReadExtension(ref Utf8JsonReader reader, ref ReadState state)
    {
        var name = state.CurrentMember!;
        CloudEventAttributeNames.EnsureValidExtensionName(name);
        if (state.Event.TryGetExtension(name, out _))
        {
            throw new CloudEventValidationException(name, $"JSON CloudEvent has the member '{name}' more than once.");
        }

        CloudEventAttributeValue value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return;
            case JsonTokenType.String:
                value = CloudEventAttributeValue.FromString(reader.GetString()!);
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                value = CloudEventAttributeValue.FromBoolean(reader.GetBoolean());
                break;
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                value = CloudEventAttributeValue.FromInteger(number);
                break;
            case JsonTokenType.Number:
                throw new CloudEventValidationException(
                    name,
                    $"JSON CloudEvent extension attribute '{name}' is a number that is not a 32-bit integer; CloudEvents integers are whole numbers from -2147483648 to 2147483647.");
            default:
                throw new CloudEventValidationException(
                    name,
                    $"JSON CloudEvent extension attribute '{name}' is a {Describe(reader.TokenType)}; extension values must be strings, booleans or integers.");
        }

        state.Event.SetExtension(name, value);
    }

    private static CloudEvent Complete(ReadOnlyMemory<byte> json, ref ReadState state)
    {
        RequirePresent(state.HasSpecVersion, CloudEventAttributeNames.SpecVersion);
        RequirePresent(state.IsPresent(Member.Id), CloudEventAttributeNames.Id);
        RequirePresent(state.IsPresent(Member.Source), CloudEventAttributeNames.Source);
        RequirePresent(state.IsPresent(Member.Type), CloudEventAttributeNames.Type);

        var evt = state.Event;
        var hasData = state.DataStart >= 0;
        if (hasData && state.DataBase64 is not null)
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.Data,
                "JSON CloudEvent has both 'data' and 'data_base64'; an event carries its data in one of them only.");
        }

        if (state.DataBase64 is { } binary)
        {
            evt.SetData(binary);
        }
        else if (hasData)
        {
            var data = InterpretData(json, ref state, evt.DataContentType);
            if (CloudEventMediaType.Classify(evt.DataContentType) == CloudEventDataEncoding.Json)
            {
                evt.SetReadJsonData(data);
            }
            else
            {
                evt.SetData(data);
            }
        }

        evt.Validate();
        return evt;
    }

    private static ReadOnlyMemory<byte> InterpretData(ReadOnlyMemory<byte> json, ref ReadState state, string? contentType)
    {
        var raw = json[state.DataStart..state.DataEnd];
        if (CloudEventMediaType.Classify(contentType) == CloudEventDataEncoding.Json)
        {
            return raw;
        }

        if (state.DataTokenType != JsonTokenType.String)
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.Data,
                $"JSON CloudEvent 'data' is a {Describe(state.DataTokenType)}, but its datacontenttype \"{contentType}\" is not JSON, so it must be a JSON string (or use data_base64).");
        }

        var reader = new Utf8JsonReader(raw.Span, CloudEventJsonFormat.ReaderOptions);
        reader.Read();
        if (!reader.ValueIsEscaped)
        {
            // Between the quotes: the text needs no copy.
            return raw[1..^1];
        }

        var text = new byte[reader.ValueSpan.Length];
        return text.AsMemory(0, reader.CopyString(text));
    }

    private static void RequirePresent(bool present, string attributeName)
    {
        if (!present)
        {
            throw new CloudEventValidationException(
                attributeName,
                $"JSON CloudEvent lacks the required attribute '{attributeName}'.");
        }
    }

    private static void EnsureString(ref Utf8JsonReader reader, string attributeName)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new CloudEventValidationException(
                attributeName,
                $"JSON CloudEvent attribute '{attributeName}' must be a JSON string, but is a {Describe(reader.TokenType)}.");
        }
    }

    private static Member Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("specversion"u8) ? Member.SpecVersion
        : reader.ValueTextEquals("id"u8) ? Member.Id
        : reader.ValueTextEquals("source"u8) ? Member.Source
        : reader.ValueTextEquals("type"u8) ? Member.Type
        : reader.ValueTextEquals("subject"u8) ? Member.Subject
        : reader.ValueTextEquals("datacontenttype"u8) ? Member.DataContentType
        : reader.ValueTextEquals("dataschema"u8) ? Member.DataSchema
        : reader.ValueTextEquals("time"u8) ? Member.Time
        : reader.ValueTextEquals("data"u8) ? Member.Data
        : reader.ValueTextEquals("data_base64"u8) ? Member.DataBase64
        : Member.Extension;

    private static string NameOf(Member member) => member switch
    {
        Member.SpecVersion => CloudEventAttributeNames.SpecVersion,
        Member.Id => CloudEventAttributeNames.Id,
        Member.Source => CloudEventAttributeNames.Source,
        Member.Type => CloudEventAttributeNames.Type,
        Member.Subject => CloudEventAttributeNames.Subject,
        Member.DataContentType => CloudEventAttributeNames.DataContentType,
        Member.DataSchema => CloudEventAttributeNames.DataSchema,
        Member.Time => CloudEventAttributeNames.Time,
        Member.Data => CloudEventAttributeNames.Data,
        Member.DataBase64 => CloudEventAttributeNames.DataBase64,
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "Extensions have no fixed name."),
    };

    private static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartObject => "JSON object",
        JsonTokenType.StartArray => "JSON array",
        JsonTokenType.String => "JSON string",
        JsonTokenType.Number => "JSON number",
        JsonTokenType.True or JsonTokenType.False => "JSON boolean",
        JsonTokenType.Null => "JSON null",
        _ => "nothing",
    };

    private static CloudEventValidationException SyntaxError(ReadOnlySpan<byte> json, JsonException ex, string? member)
    {
        var line = ex.LineNumber ?? 0;
        var column = ex.BytePositionInLine ?? 0;
        var position = OffsetOfLine(json, line) + column;
        var where = member is null ? string.Empty : $" in member '{member}'";
        return new CloudEventValidationException(
            member,
            $"The JSON CloudEvent is malformed at byte {position} (line {line + 1}, byte {column + 1} of that line){where}: {ex.Message}",
            ex,
            position);
    }

    private static long OffsetOfLine(ReadOnlySpan<byte> json, long line)
    {
        long offset = 0;
        for (long i = 0; i < line; i++)
        {
            var newline = json[(int)offset..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            offset += newline + 1;
        }

        return offset;
    }

    private enum Member
    {
        SpecVersion,
        Id,
        Source,
        Type,
        Subject,
        DataContentType,
        DataSchema,
        Time,
        Data,
        DataBase64,
        Extension,
    }

    /// <summary>What one read has found so far.</summary>
    private struct ReadState
    {
        private int _seen;
        private int _present;

        public ReadState()
        {
            Event = new CloudEvent();
        }

        public CloudEvent Event { get; }

        public string? CurrentMember { get; set; }

        public bool HasSpecVersion { get; set; }

        public int DataStart { get; set; } = -1;

        public int DataEnd { get; set; }

        public JsonTokenType DataTokenType { get; set; }

        public ReadOnlyMemory<byte>? DataBase64 { get; set; }

        public void MarkSeen(Member member)
        {
            var bit = 1 << (int)member;
            if ((_seen & bit) != 0)
            {
                var name = NameOf(member);
                throw new CloudEventValidationException(name, $"JSON CloudEvent has the member '{name}' more than once.");
            }

            _seen |= bit;
        }

        public void MarkPresent(Member member) => _present |= 1 << (int)member;

        public readonly bool IsPresent(Member member) => (_present & (1 << (int)member)) != 0;
    }
}
