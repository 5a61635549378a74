namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// Reads the parts of a media type (RFC 2046) that CloudEvents cares about: the type/subtype
/// without parameters, which decides how data is encoded.
/// </summary>
internal static class CloudEventMediaType
{
    /// <summary>The media type that Argo Events and most producers put in datacontenttype.</summary>
    public const string ApplicationJson = "application/json";

    /// <summary>Decides how the JSON format carries data of the given content type.</summary>
    public static CloudEventDataEncoding Classify(string? contentType)
    {
        // The JSON format says an absent datacontenttype means application/json.
        if (contentType is null)
        {
            return CloudEventDataEncoding.Json;
        }

        var essence = Essence(contentType);
        var slash = essence.IndexOf('/');
        var subtype = slash < 0 ? essence : essence[(slash + 1)..];
        if (subtype.Equals("json", StringComparison.OrdinalIgnoreCase)
            || subtype.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return CloudEventDataEncoding.Json;
        }

        if (essence.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || essence.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || subtype.EndsWith("+xml", StringComparison.OrdinalIgnoreCase))
        {
            return CloudEventDataEncoding.Text;
        }

        return CloudEventDataEncoding.Binary;
    }

    /// <summary>The media type without parameters and surrounding whitespace: "Text/Plain; charset=x" gives "Text/Plain".</summary>
    public static ReadOnlySpan<char> Essence(string contentType)
    {
        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        if (semicolon >= 0)
        {
            span = span[..semicolon];
        }

        return span.Trim();
    }

    /// <summary>True when the value has the type/subtype shape, with no space inside either part.</summary>
    public static bool IsWellFormed(string contentType)
    {
        var essence = Essence(contentType);
        var slash = essence.IndexOf('/');
        if (slash <= 0 || slash == essence.Length - 1)
        {
            return false;
        }

        foreach (var c in essence)
        {
            if (c <= ' ' || c >= '\u007F')
            {
                return false;
            }
        }

        return essence[(slash + 1)..].IndexOf('/') < 0;
    }
}
