using System.Globalization;

namespace ArgoEvents.ServiceDefaults.Configuration;

/// <summary>
/// Parses durations written the way Argo's Go components write them (<c>time.ParseDuration</c>: "45s", "1m30s",
/// "1.5h", "250ms"), and also a plain number, read as seconds ("45", "2.5"), because that is what people put in
/// environment variables.
/// </summary>
public static class GoDuration
{
    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        // Longest first, so "ms" is not read as "m" followed by a stray "s".
        ("ns", 0.01m),
        ("us", 10m),
        ("\u00b5s", 10m),
        ("\u03bcs", 10m),
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>Parses <paramref name="text"/>; a negative duration is allowed here (Go allows it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a duration; the message says what is wrong and where.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value, out var error) ? value : throw new FormatException(error);
    }

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => TryParse(text, out value, out _);

    private static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "the duration is empty; write it like \"45s\", \"1m30s\" or a number of seconds";
            return false;
        }

        if (decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return TryToTimeSpan(seconds * TimeSpan.TicksPerSecond, trimmed, out value, out error);
        }

        var position = 0;
        var negative = false;
        if (trimmed[0] is '+' or '-')
        {
            negative = trimmed[0] == '-';
            position = 1;
        }

        if (position == trimmed.Length)
        {
            error = $"\"{trimmed}\" has a sign but no duration after it";
            return false;
        }

        decimal totalTicks = 0;
        while (position < trimmed.Length)
        {
            var numberStart = position;
            while (position < trimmed.Length && (char.IsAsciiDigit(trimmed[position]) || trimmed[position] == '.'))
            {
                position++;
            }

            var number = trimmed[numberStart..position];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1)
            {
                error = $"\"{trimmed}\" has no valid number at position {numberStart + 1}; write it like \"45s\" or \"1m30s\"";
                return false;
            }

            var unitStart = position;
            while (position < trimmed.Length && !char.IsAsciiDigit(trimmed[position]) && trimmed[position] != '.')
            {
                position++;
            }

            var unit = trimmed[unitStart..position];
            if (unit.Length == 0)
            {
                error = $"\"{trimmed}\" is missing a unit after \"{number}\" at position {unitStart + 1}; use one of ns, us, ms, s, m, h";
                return false;
            }

            var ticksPerUnit = TicksPer(unit);
            if (ticksPerUnit is null)
            {
                error = $"\"{trimmed}\" has the unknown unit \"{unit}\" at position {unitStart + 1}; use one of ns, us, ms, s, m, h";
                return false;
            }

            // Decimal holds 28 digits, so even absurd inputs fail the range check below instead of overflowing here.
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount > 1e15m)
            {
                error = $"\"{trimmed}\" is too long a duration";
                return false;
            }

            totalTicks += amount * ticksPerUnit.Value;
        }

        return TryToTimeSpan(negative ? -totalTicks : totalTicks, trimmed, out value, out error);
    }

    private static decimal? TicksPer(string unit)
    {
        foreach (var (name, ticks) in Units)
        {
            if (string.Equals(name, unit, StringComparison.Ordinal))
            {
                return ticks;
            }
        }

        return null;
    }

    private static bool TryToTimeSpan(decimal ticks, string text, out TimeSpan value, out string error)
    {
        if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
        {
            value = TimeSpan.Zero;
            error = $"\"{text}\" is too long a duration";
            return false;
        }

        value = TimeSpan.FromTicks((long)decimal.Round(ticks, MidpointRounding.AwayFromZero));
        error = string.Empty;
        return true;
    }
}
