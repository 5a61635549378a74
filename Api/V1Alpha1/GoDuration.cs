using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// A duration written the way Go's <c>time.ParseDuration</c> reads it: a sign, then one or more decimal numbers each
/// with a unit (<c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), such as <c>10s</c>,
/// <c>1m30s</c>, <c>1.5h</c> or <c>168h</c>; <c>0</c> alone needs no unit. The original text is kept so the value is
/// written back unchanged. <see cref="TimeSpan"/> counts 100 ns ticks, so sub-tick remainders are dropped.
/// </summary>
public readonly record struct GoDuration
{
    private GoDuration(TimeSpan value, string text)
    {
        Value = value;
        Text = text;
    }

    /// <summary>The duration.</summary>
    public TimeSpan Value { get; }

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>Makes a duration from a <see cref="TimeSpan"/>, written in Go's form (for example <c>1h30m0s</c>).</summary>
    public static GoDuration FromTimeSpan(TimeSpan value) => new(value, Format(value));

    /// <summary>
    /// A duration written as a bare number of nanoseconds, which Argo's viper-read settings (<c>streamConfig</c>)
    /// accept besides duration text.
    /// </summary>
    internal static GoDuration FromNanosecondsText(long nanoseconds, string text) =>
        new(TimeSpan.FromTicks(nanoseconds / 100), text);

    /// <summary>Parses Go duration text; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static GoDuration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var duration, out var problem) ? duration : throw new FormatException(problem);
    }

    /// <summary>Parses Go duration text; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string text, out GoDuration duration, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        if (!TryParseNanoseconds(text, out var nanoseconds, out problem))
        {
            return false;
        }

        duration = new GoDuration(TimeSpan.FromTicks((long)(nanoseconds / 100)), text);
        return true;
    }

    /// <summary>The text as written.</summary>
    public override string ToString() => Text ?? string.Empty;

    private static bool TryParseNanoseconds(string text, out decimal nanoseconds, [NotNullWhen(false)] out string? problem)
    {
        nanoseconds = 0;
        var rest = text.AsSpan();
        var negative = false;
        if (!rest.IsEmpty && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest is "0")
        {
            problem = null;
            return true;
        }

        if (rest.IsEmpty)
        {
            problem = $"'{text}' is not a Go duration (write a number and a unit, such as 10s, 1m30s or 168h)";
            return false;
        }

        while (!rest.IsEmpty)
        {
            var digits = LeadingNumber(rest);
            if (digits.Length == 0 || digits is ".")
            {
                problem = $"'{text}' is not a Go duration: expected a number at '{rest}'";
                return false;
            }

            rest = rest[digits.Length..];
            var unitLength = 0;
            while (unitLength < rest.Length && rest[unitLength] != '.' && !char.IsAsciiDigit(rest[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                problem = $"'{text}' is not a Go duration: missing unit after '{digits}' (use ns, us, ms, s, m or h)";
                return false;
            }

            var unit = rest[..unitLength];
            if (!TryUnitNanoseconds(unit, out var scale))
            {
                problem = $"'{text}' is not a Go duration: unknown unit '{unit}' (use ns, us, ms, s, m or h)";
                return false;
            }

            rest = rest[unitLength..];
            nanoseconds += decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * scale;
            if (nanoseconds > long.MaxValue)
            {
                problem = $"'{text}' is not a Go duration: it is longer than Go's largest duration (about 292 years)";
                return false;
            }
        }

        if (negative)
        {
            nanoseconds = -nanoseconds;
        }

        problem = null;
        return true;
    }

    private static ReadOnlySpan<char> LeadingNumber(ReadOnlySpan<char> text)
    {
        var length = 0;
        var seenPoint = false;
        while (length < text.Length && (char.IsAsciiDigit(text[length]) || (text[length] == '.' && !seenPoint)))
        {
            seenPoint |= text[length] == '.';
            length++;
        }

        return text[..length];
    }

    private static bool TryUnitNanoseconds(ReadOnlySpan<char> unit, out decimal nanoseconds)
    {
        nanoseconds = unit switch
        {
            "ns" => 1m,
            "us" or "\u00b5s" or "\u03bcs" => 1_000m,
            "ms" => 1_000_000m,
            "s" => 1_000_000_000m,
            "m" => 60_000_000_000m,
            "h" => 3_600_000_000_000m,
            _ => 0m,
        };
        return nanoseconds != 0m;
    }

    private static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = value < TimeSpan.Zero ? "-" : string.Empty;
        var magnitude = value.Duration();
        var hours = (long)magnitude.TotalHours;
        var seconds = magnitude.Ticks % TimeSpan.TicksPerMinute / (decimal)TimeSpan.TicksPerSecond;
        var secondsText = seconds.ToString("0.#######", CultureInfo.InvariantCulture);
        return hours > 0
            ? $"{sign}{hours}h{magnitude.Minutes}m{secondsText}s"
            : magnitude.Minutes > 0 ? $"{sign}{magnitude.Minutes}m{secondsText}s" : $"{sign}{secondsText}s";
    }
}
