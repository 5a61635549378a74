namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// Header names as Go's net/http keeps them (textproto.CanonicalMIMEHeaderKey): the first letter and every letter
/// after a hyphen upper case, the rest lower case; a name with a character outside the token set is left as it is.
/// Argo's payloads carry headers under these names, so sensors' data filters on <c>header.Content-Type</c> work.
/// </summary>
internal static class GoHeaderNames
{
    public static string Canonicalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var c in name)
        {
            if (!IsTokenChar(c))
            {
                return name;
            }
        }

        return string.Create(name.Length, name, static (span, source) =>
        {
            var upper = true;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                upper = c == '-';
            }
        });
    }

    private static bool IsTokenChar(char c)
        => c < 127 && (char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
