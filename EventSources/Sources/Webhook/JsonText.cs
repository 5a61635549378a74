using System.Text.Json;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// Whether bytes are one complete JSON value: what Go's encoder demands of a <c>json.RawMessage</c> body before it
/// puts it into a payload (Argo answers 400 otherwise).
/// </summary>
public static class JsonText
{
    /// <summary>The nesting depth Go's encoding/json accepts.</summary>
    public const int GoMaxDepth = 10_000;

    /// <summary>True when <paramref name="bytes"/> hold exactly one JSON value (white space around it allowed).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes) => IsValid(bytes, GoJsonValue.ReadOptions.MaxDepth);

    /// <summary>True when <paramref name="bytes"/> hold exactly one JSON value nested at most <paramref name="maxDepth"/> deep.</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes, int maxDepth)
    {
        if (bytes.IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = maxDepth });
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
