using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Reads the scheduled time out of a calendar event's payload, <c>{"eventTime": "2024-01-02 03:04:05 +0000 UTC", ...}</c>:
/// Go's <c>time.String()</c>, possibly with fractional seconds and a <c> m=+…</c> monotonic-clock suffix.
/// </summary>
public static partial class CalendarEventTime
{
    /// <summary>The scheduled time in a payload; throws <see cref="FormatException"/> naming the payload otherwise.</summary>
    public static DateTimeOffset FromPayload(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        var text = document.RootElement.TryGetProperty("eventTime", out var value) ? value.GetString() : null;
        return Parse(text ?? throw new FormatException($"Calendar payload without eventTime: {System.Text.Encoding.UTF8.GetString(payload.Span)}"));
    }

    /// <summary>Parses Go's <c>time.String()</c> format.</summary>
    public static DateTimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = GoTimeString().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not Go's time.String() format (2006-01-02 15:04:05.999999999 -0700 MST).");
        }

        // .NET keeps 7 fractional digits; Go writes up to 9.
        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        var local = DateTime.ParseExact(match.Groups["seconds"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).AddTicks(ticks);
        var offset = match.Groups["offset"].Value;
        var span = new TimeSpan(int.Parse(offset[1..3], CultureInfo.InvariantCulture), int.Parse(offset[3..5], CultureInfo.InvariantCulture), 0);
        return new DateTimeOffset(local, offset[0] == '-' ? -span : span);
    }

    [GeneratedRegex(@"^(?<seconds>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))? (?<offset>[+-]\d{4})(?: \S+)?(?: m=[+-][\d.]+)?$")]
    private static partial Regex GoTimeString();
}
