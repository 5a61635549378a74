using System.Globalization;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// RFC 3339 timestamps as CloudEvents carries them. Writing matches Go's time.RFC3339Nano in UTC
/// (what Argo Events emits): "2026-07-18T12:00:00.1234567Z", trailing fractional zeros removed and
/// no fraction at all on a whole second. .NET keeps 100 ns ticks, so at most 7 fractional digits.
/// </summary>
public static class CloudEventTimestamp
{
    /// <summary>The longest text <see cref="TryFormat"/> writes: "yyyy-MM-ddTHH:mm:ss.fffffffZ".</summary>
    public const int MaxFormattedLength = 28;

    // "F" digits drop trailing zeros, and the '.' before them when the fraction is zero.
    private const string Rfc3339NanoUtc = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    // Longer than any timestamp worth reading (a fraction of 30 digits is already absurd).
    private const int MaxParsedLength = 64;

    /// <summary>Writes the timestamp in UTC as UTF-8 into <paramref name="destination"/>.</summary>
    /// <param name="value">The time; any offset is converted to UTC.</param>
    /// <param name="destination">At least <see cref="MaxFormattedLength"/> bytes.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    public static bool TryFormat(DateTimeOffset value, Span<byte> destination, out int bytesWritten) =>
        value.UtcDateTime.TryFormat(destination, out bytesWritten, Rfc3339NanoUtc, CultureInfo.InvariantCulture);

    /// <summary>Returns the timestamp in UTC as text, e.g. "2026-07-18T12:00:00.12Z".</summary>
    /// <param name="value">The time; any offset is converted to UTC.</param>
    /// <returns>The RFC 3339 text.</returns>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Rfc3339NanoUtc, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an RFC 3339 date-time with an offset ("Z" or ±hh:mm). Fractions of any length are
    /// accepted and truncated to 100 ns. Offsets beyond ±14:00 (legal in RFC 3339, not in .NET)
    /// give the same instant in UTC. Leap seconds (":60") are refused.
    /// </summary>
    /// <param name="text">The text to read.</param>
    /// <param name="value">The time, with the offset it was written with.</param>
    /// <returns>False when the text is not such a timestamp.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text.Length > MaxParsedLength)
        {
            return false;
        }

        if (!TryReadDigits(text[..4], out var year) || text[4] != '-'
            || !TryReadDigits(text.Slice(5, 2), out var month) || text[7] != '-'
            || !TryReadDigits(text.Slice(8, 2), out var day) || text[10] is not ('T' or 't')
            || !TryReadDigits(text.Slice(11, 2), out var hour) || text[13] != ':'
            || !TryReadDigits(text.Slice(14, 2), out var minute) || text[16] != ':'
            || !TryReadDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            position++;
            var start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                if (position - start < 7)
                {
                    fractionTicks = (fractionTicks * 10) + (text[position] - '0');
                }

                position++;
            }

            var digits = position - start;
            if (digits == 0)
            {
                return false;
            }

            for (var i = digits; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }

        if (!TryReadOffset(text[position..], out var offsetMinutes))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utcTicks = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            || localTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = Math.Abs(offsetMinutes) <= 14 * 60
            ? new DateTimeOffset(localTicks, TimeSpan.FromMinutes(offsetMinutes))
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool TryReadOffset(ReadOnlySpan<char> text, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (text.Length == 1 && text[0] is 'Z' or 'z')
        {
            return true;
        }

        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !TryReadDigits(text.Slice(1, 2), out var hours) || !TryReadDigits(text.Slice(4, 2), out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetMinutes = (hours * 60) + minutes;
        if (text[0] == '-')
        {
            offsetMinutes = -offsetMinutes;
        }

        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
