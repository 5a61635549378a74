using System.Text;
using System.Text.Json;
using ArgoEvents.EventBus.JetStream.Api;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// Reads PubAck replies without the general serializer: publishing is the hot path, and almost every reply is
/// <c>{"stream":"S","seq":N}</c> for the same stream, whose name is kept rather than decoded each time.
/// </summary>
internal sealed class PubAckReader
{
    private StreamName? _lastStream;

    public PubAck Read(in NatsMsg reply, string subject)
    {
        if (reply.Status != 0)
        {
            throw new JetStreamException($"The publish to '{subject}' got status {reply.Status} {reply.StatusDescription} instead of a PubAck.");
        }

        var json = reply.Data.Span;
        if (json.IsEmpty)
        {
            throw new JetStreamException($"The publish to '{subject}' got an empty reply; the stream may have no_ack set.");
        }

        try
        {
            return Parse(json, subject);
        }
        catch (JsonException e)
        {
            throw new JetStreamException($"The PubAck for '{subject}' is not valid JSON: '{Encoding.UTF8.GetString(json[..Math.Min(json.Length, 200)])}'.", e);
        }
    }

    private PubAck Parse(ReadOnlySpan<byte> json, string subject)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A PubAck must be a JSON object.");
        }

        string? stream = null;
        string? domain = null;
        ulong sequence = 0;
        var duplicate = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("stream"u8))
            {
                reader.Read();
                stream = StreamString(ref reader);
            }
            else if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                sequence = reader.GetUInt64();
            }
            else if (reader.ValueTextEquals("duplicate"u8))
            {
                reader.Read();
                duplicate = reader.GetBoolean();
            }
            else if (reader.ValueTextEquals("domain"u8))
            {
                reader.Read();
                domain = reader.GetString();
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                var error = JsonSerializer.Deserialize(ref reader, JetStreamJsonContext.Default.ApiError)
                    ?? throw new JsonException("The PubAck error is null.");
                throw new JetStreamApiException(error, subject);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (stream is null || sequence == 0)
        {
            throw new JsonException("A PubAck must carry a stream and a non-zero seq.");
        }

        return new PubAck(stream, sequence, duplicate, domain);
    }

    private string? StreamString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString();
        }

        var last = Volatile.Read(ref _lastStream);
        if (last is not null && reader.ValueSpan.SequenceEqual(last.Utf8))
        {
            return last.Text;
        }

        var text = reader.GetString()!;
        Volatile.Write(ref _lastStream, new StreamName(reader.ValueSpan.ToArray(), text));
        return text;
    }

    private sealed record StreamName(byte[] Utf8, string Text);
}
