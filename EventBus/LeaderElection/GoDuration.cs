using System.Globalization;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// Parses durations as Go's <c>time.ParseDuration</c> writes them ("5s", "1500ms", "1m30s", "2.5s"), because Argo's
/// environment variables carry Go durations. A bare number is read as seconds.
/// </summary>
internal static class GoDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text.AsSpan().Trim();
        if (s.IsEmpty)
        {
            return false;
        }

        if (double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bareSeconds))
        {
            value = TimeSpan.FromSeconds(bareSeconds);
            return true;
        }

        double totalNanoseconds = 0;
        while (!s.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < s.Length && (char.IsAsciiDigit(s[numberLength]) || s[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0
                || !double.TryParse(s[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            s = s[numberLength..];
            var unitLength = 0;
            while (unitLength < s.Length && !char.IsAsciiDigit(s[unitLength]) && s[unitLength] != '.')
            {
                unitLength++;
            }

            if (!TryUnit(s[..unitLength], out var nanosecondsPerUnit))
            {
                return false;
            }

            totalNanoseconds += number * nanosecondsPerUnit;
            s = s[unitLength..];
        }

        value = TimeSpan.FromTicks((long)Math.Round(totalNanoseconds / 100));
        return true;
    }

    private static bool TryUnit(ReadOnlySpan<char> unit, out double nanoseconds)
    {
        nanoseconds = unit switch
        {
            "ns" => 1,
            "us" or "µs" or "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => 0,
        };
        return nanoseconds > 0;
    }
}
