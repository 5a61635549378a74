namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The CloudEvents String type: any Unicode text except control characters, noncharacters and
/// unpaired surrogates, which have no agreed meaning and cannot travel in HTTP headers.
/// </summary>
internal static class CloudEventStringRules
{
    /// <summary>Returns the index of the first disallowed character, or -1 when the text is allowed.</summary>
    public static int IndexOfDisallowedCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and < '\u007F')
            {
                continue;
            }

            if (c < ' ' || c is >= '\u007F' and <= '\u009F' || c is >= '\uFDD0' and <= '\uFDEF' || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return i;
                }

                // Every plane ends with two noncharacters (U+1FFFE, U+1FFFF, ...).
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return i;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws when <paramref name="value"/> holds a character the String type forbids.</summary>
    public static void EnsureAllowed(string attributeName, string value)
    {
        var index = IndexOfDisallowedCharacter(value);
        if (index >= 0)
        {
            throw new CloudEventValidationException(
                attributeName,
                $"CloudEvent attribute '{attributeName}' contains the disallowed character U+{(int)value[index]:X4} at index {index} (control characters, noncharacters and unpaired surrogates are not allowed).");
        }
    }

    /// <summary>Throws when a required or present-but-empty attribute is empty, or holds a disallowed character.</summary>
    public static void EnsureNonEmptyAllowed(string attributeName, string value)
    {
        if (value.Length == 0)
        {
            throw new CloudEventValidationException(attributeName, $"CloudEvent attribute '{attributeName}' must not be empty.");
        }

        EnsureAllowed(attributeName, value);
    }
}
