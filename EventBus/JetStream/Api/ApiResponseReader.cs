using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>
/// Turns a JetStream API reply into its typed body, or into a <see cref="JetStreamApiException"/> when the
/// reply carries a top-level <c>error</c> object.
/// </summary>
internal static class ApiResponseReader
{
    private static ReadOnlySpan<byte> ErrorProperty => "error"u8;

    public static T Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, string subject)
    {
        var error = FindError(json, subject);
        if (error is not null)
        {
            throw new JetStreamApiException(error, subject);
        }

        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new JetStreamException($"The reply to JetStream request '{subject}' was JSON null.");
        }
        catch (JsonException ex)
        {
            throw Malformed(subject, json, ex);
        }
    }

    /// <summary>Throws when the reply is an error; otherwise ignores its body (for replies that carry only success).</summary>
    public static void ThrowIfError(ReadOnlySpan<byte> json, string subject)
    {
        var error = FindError(json, subject);
        if (error is not null)
        {
            throw new JetStreamApiException(error, subject);
        }
    }

    /// <summary>Looks at the top-level properties only, so a nested <c>error</c> (e.g. of a source) is not mistaken for the reply's.</summary>
    private static ApiError? FindError(ReadOnlySpan<byte> json, string subject)
    {
        if (json.IsEmpty)
        {
            throw new JetStreamException($"The reply to JetStream request '{subject}' was empty; expected a JSON object.");
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed(subject, json, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isError = reader.ValueTextEquals(ErrorProperty);
                reader.Read();
                if (isError && reader.TokenType == JsonTokenType.StartObject)
                {
                    return JsonSerializer.Deserialize(ref reader, JetStreamJsonContext.Default.ApiError);
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException ex)
        {
            throw Malformed(subject, json, ex);
        }
    }

    private static JetStreamException Malformed(string subject, ReadOnlySpan<byte> json, Exception? inner)
    {
        const int ShownBytes = 200;
        var shown = System.Text.Encoding.UTF8.GetString(json[..Math.Min(json.Length, ShownBytes)]);
        var message = $"The reply to JetStream request '{subject}' is not the expected JSON: '{shown}'.";
        return inner is null ? new JetStreamException(message) : new JetStreamException(message + " " + inner.Message, inner);
    }
}
