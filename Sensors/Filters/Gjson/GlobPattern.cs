namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>
/// gjson's key wildcards: <c>*</c> matches any run of characters, <c>?</c> exactly one; a backslash makes the next
/// character literal.
/// </summary>
internal static class GlobPattern
{
    /// <summary>Whether <paramref name="text"/> matches the whole <paramref name="pattern"/>.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = ++p;
                starT = t;
                continue;
            }

            if (p < pattern.Length)
            {
                var c = pattern[p];
                var width = 1;
                if (c == '\\' && p + 1 < pattern.Length)
                {
                    c = pattern[p + 1];
                    width = 2;
                }
                else if (c == '?')
                {
                    p++;
                    t++;
                    continue;
                }

                if (c == text[t])
                {
                    p += width;
                    t++;
                    continue;
                }
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP;
            t = ++starT;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
