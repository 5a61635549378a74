using System.Text.Json;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// Whether bytes are one complete JSON value: what Go's encoder demands of a <c>json.RawMessage</c> body before it
/// puts it into a payload (Argo answers 400 otherwise).
/// </summary>
public static class JsonText
{
    /// <summary>True when <paramref name="bytes"/> hold exactly one JSON value (white space around it allowed).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = GoJsonValue.ReadOptions.MaxDepth });
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
