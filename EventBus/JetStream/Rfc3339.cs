using System.Globalization;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>Parses the RFC 3339 timestamps with up to nine fractional digits that Go servers write.</summary>
internal static class Rfc3339
{
    private const int MaxFractionDigits = 7;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        // .NET keeps 7 fractional digits (100 ns ticks); Go writes up to 9, so drop the surplus before parsing.
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > MaxFractionDigits)
            {
                Span<char> trimmed = stackalloc char[text.Length];
                text[..(dot + 1 + MaxFractionDigits)].CopyTo(trimmed);
                text[end..].CopyTo(trimmed[(dot + 1 + MaxFractionDigits)..]);
                var length = dot + 1 + MaxFractionDigits + (text.Length - end);
                return DateTimeOffset.TryParse(trimmed[..length], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }
}
