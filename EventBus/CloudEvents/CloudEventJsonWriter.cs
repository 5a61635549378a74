using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>Writes the JSON event format with a reused <see cref="Utf8JsonWriter"/> per thread.</summary>
internal static class CloudEventJsonWriter
{
    // Buffers that grew past this are dropped rather than kept alive by the thread.
    private const int MaxRetainedBufferBytes = 64 * 1024;

    // A sink the cached writer points at between uses, so it does not keep the caller's buffer alive.
    private static readonly ArrayBufferWriter<byte> s_detached = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static byte[] WriteToArray(CloudEvent cloudEvent)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        t_buffer = null;
        try
        {
            Write(cloudEvent, buffer);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity <= MaxRetainedBufferBytes)
            {
                t_buffer = buffer;
            }
        }
    }

    public static void Write(CloudEvent cloudEvent, IBufferWriter<byte> output)
    {
        cloudEvent.Validate();
        var encoding = ChooseDataEncoding(cloudEvent);

        var writer = t_writer;
        t_writer = null;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(output, CloudEventJsonFormat.WriterOptions);
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            WriteEvent(writer, cloudEvent, encoding);
            writer.Flush();
        }
        finally
        {
            writer.Reset(s_detached);
            t_writer = writer;
        }
    }

    /// <summary>Decides how data is written, and checks it can be, before a byte is written.</summary>
    private static CloudEventDataEncoding ChooseDataEncoding(CloudEvent cloudEvent)
    {
        var encoding = CloudEventMediaType.Classify(cloudEvent.DataContentType);
        if (!cloudEvent.HasData)
        {
            return encoding;
        }

        var data = cloudEvent.Data.Span;
        if (encoding == CloudEventDataEncoding.Json)
        {
            EnsureSingleJsonValue(data);
        }
        else if (encoding == CloudEventDataEncoding.Text && !Utf8.IsValid(data))
        {
            // Text that is not UTF-8 cannot be a JSON string; base64 keeps every byte.
            encoding = CloudEventDataEncoding.Binary;
        }

        return encoding;
    }

    private static void EnsureSingleJsonValue(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, CloudEventJsonFormat.ReaderOptions);
        try
        {
            if (reader.Read())
            {
                reader.Skip();

                // Utf8JsonReader throws on anything but whitespace after the first value.
                if (!reader.Read())
                {
                    return;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.Data,
                $"CloudEvent data must be one valid JSON value for its JSON content type, but it is malformed at byte {ex.BytePositionInLine} of line {ex.LineNumber + 1}: {ex.Message}",
                ex);
        }

        throw new CloudEventValidationException(
            CloudEventAttributeNames.Data,
            "CloudEvent data must be one valid JSON value for its JSON content type, but it is empty.");
    }

    private static void WriteEvent(Utf8JsonWriter writer, CloudEvent cloudEvent, CloudEventDataEncoding encoding)
    {
        writer.WriteStartObject();
        writer.WriteString("specversion"u8, cloudEvent.SpecVersion);
        writer.WriteString("id"u8, cloudEvent.Id);
        writer.WriteString("source"u8, cloudEvent.Source);
        writer.WriteString("type"u8, cloudEvent.Type);
        if (cloudEvent.Subject is not null)
        {
            writer.WriteString("subject"u8, cloudEvent.Subject);
        }

        if (cloudEvent.DataContentType is not null)
        {
            writer.WriteString("datacontenttype"u8, cloudEvent.DataContentType);
        }

        if (cloudEvent.DataSchema is not null)
        {
            writer.WriteString("dataschema"u8, cloudEvent.DataSchema.OriginalString);
        }

        if (cloudEvent.Time is { } time)
        {
            WriteTimestamp(writer, "time"u8, time);
        }

        if (cloudEvent.HasData)
        {
            WriteData(writer, cloudEvent.Data.Span, encoding);
        }

        foreach (var (name, value) in cloudEvent.Extensions)
        {
            WriteExtension(writer, name, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter writer, ReadOnlySpan<byte> data, CloudEventDataEncoding encoding)
    {
        switch (encoding)
        {
            case CloudEventDataEncoding.Json:
                // Raw bytes, as Go's writer does: the producer's exact JSON reaches the consumer.
                writer.WritePropertyName("data"u8);
                writer.WriteRawValue(data, skipInputValidation: true);
                break;
            case CloudEventDataEncoding.Text:
                writer.WriteString("data"u8, data);
                break;
            default:
                writer.WriteBase64String("data_base64"u8, data);
                break;
        }
    }

    private static void WriteExtension(Utf8JsonWriter writer, string name, CloudEventAttributeValue value)
    {
        switch (value.Type)
        {
            case CloudEventAttributeType.Boolean:
                writer.WriteBoolean(name, value.AsBoolean());
                break;
            case CloudEventAttributeType.Integer:
                writer.WriteNumber(name, value.AsInteger());
                break;
            case CloudEventAttributeType.Binary:
                writer.WriteBase64String(name, value.AsBinary().Span);
                break;
            case CloudEventAttributeType.Timestamp:
                writer.WritePropertyName(name);
                WriteTimestampValue(writer, value.AsTimestamp());
                break;
            default:
                writer.WriteString(name, value.ToCanonicalString());
                break;
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> propertyName, DateTimeOffset time)
    {
        writer.WritePropertyName(propertyName);
        WriteTimestampValue(writer, time);
    }

    private static void WriteTimestampValue(Utf8JsonWriter writer, DateTimeOffset time)
    {
        Span<byte> text = stackalloc byte[CloudEventTimestamp.MaxFormattedLength];
        if (!CloudEventTimestamp.TryFormat(time, text, out var length))
        {
            throw new InvalidOperationException($"Formatting the timestamp {time:O} needed more than {CloudEventTimestamp.MaxFormattedLength} bytes.");
        }

        writer.WriteStringValue(text[..length]);
    }
}
