namespace ArgoEvents.Sensors.Filters;

/// <summary>
/// A daily window on the event time. Start and stop are read as Go's <c>time.Parse("15:04:05", ...)</c> reads them
/// (hour of one or two digits, minutes and seconds of exactly two, an optional fraction after the seconds), placed on
/// the event's date in the filter's time zone (UTC when empty). start &lt; stop: pass iff start &lt;= t &lt; stop;
/// stop before start (overnight): pass iff t &gt;= start or t &lt; stop. Bad times and unknown zones are errors for every
/// event, as in Argo, and visible up front in <see cref="Problem"/>.
/// </summary>
public sealed class TimeFilter
{
    private readonly TimeSpan _start;
    private readonly TimeSpan _stop;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.Utc;

    /// <summary>Compiles <paramref name="spec"/>.</summary>
    public TimeFilter(TimeFilterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!TryParseClock(spec.Start, out _start))
        {
            Problem = $"time filter: start '{spec.Start}' is not HH:MM:SS";
        }
        else if (!TryParseClock(spec.Stop, out _stop))
        {
            Problem = $"time filter: stop '{spec.Stop}' is not HH:MM:SS";
        }
        else if (!string.IsNullOrEmpty(spec.Timezone))
        {
            try
            {
                _zone = TimeZoneInfo.FindSystemTimeZoneById(spec.Timezone);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                Problem = $"time filter: unknown time zone '{spec.Timezone}'";
            }
        }
    }

    /// <summary>Why the filter cannot work, or null.</summary>
    public string? Problem { get; }

    /// <summary>Evaluates the window on <paramref name="eventTime"/>.</summary>
    public FilterResult Evaluate(DateTimeOffset eventTime)
    {
        if (Problem is not null)
        {
            return FilterResult.Failed(Problem);
        }

        var t = TimeZoneInfo.ConvertTime(eventTime, _zone).TimeOfDay;
        var pass = _stop < _start ? t >= _start || t < _stop : t >= _start && t < _stop;
        return pass ? FilterResult.Pass : FilterResult.Reject;
    }

    private static bool TryParseClock(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 2 || !AllDigits(text.AsSpan(0, colon)) || text.Length < colon + 6 || text[colon + 3] != ':')
        {
            return false;
        }

        var minutes = text.AsSpan(colon + 1, 2);
        var seconds = text.AsSpan(colon + 4, 2);
        var rest = text.AsSpan(colon + 6);
        if (!AllDigits(minutes) || !AllDigits(seconds) || !(rest.IsEmpty || rest[0] == '.' && rest.Length > 1 && AllDigits(rest[1..])))
        {
            return false;
        }

        var h = int.Parse(text.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture);
        var s = int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture);
        if (h > 23 || m > 59 || s > 59)
        {
            return false;
        }

        value = new TimeSpan(h, m, s);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !s.IsEmpty;
    }
}
