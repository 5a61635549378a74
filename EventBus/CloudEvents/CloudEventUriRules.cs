namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The URI and URI-reference types of CloudEvents (RFC 3986).
/// </summary>
internal static class CloudEventUriRules
{
    /// <summary>
    /// True when <paramref name="uri"/> is an absolute URI written with a scheme. System.Uri alone is not
    /// enough: on Unix it turns "/path" into an absolute file URI, which RFC 3986 calls a relative reference.
    /// </summary>
    public static bool IsAbsolute(Uri uri) => uri.IsAbsoluteUri && StartsWithScheme(uri.OriginalString);

    /// <summary>Parses an absolute URI that is written with a scheme.</summary>
    public static bool TryCreateAbsolute(string text, out Uri? uri)
    {
        uri = null;
        if (!StartsWithScheme(text) || !Uri.TryCreate(text, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    /// <summary>True when <paramref name="text"/> is a URI reference (absolute or relative).</summary>
    public static bool IsUriReference(string text) =>
        IsPlainRelativePath(text) || Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _);

    /// <summary>
    /// Unreserved characters and "/" only (no ":"), like Argo's EventSource names: always a valid
    /// relative reference. Checked first because every event validates its source and System.Uri allocates.
    /// </summary>
    private static bool IsPlainRelativePath(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_' or '~' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ":".</summary>
    private static bool StartsWithScheme(string text)
    {
        if (text.Length < 2 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }
}
