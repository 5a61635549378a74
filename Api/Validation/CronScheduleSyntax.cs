using System.Globalization;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Checks a calendar <c>schedule</c> the way Argo parses it (robfig/cron with minute, hour, day-of-month, month and
/// day-of-week fields, no seconds and no <c>@</c> descriptors): five fields, each a comma-separated list of
/// <c>*</c>, <c>?</c>, values or ranges, optionally with a <c>/step</c>; months and weekdays may be named
/// (<c>JAN</c>, <c>MON</c>). An optional <c>CRON_TZ=</c> or <c>TZ=</c> prefix names a time zone.
/// </summary>
internal static class CronScheduleSyntax
{
    private static readonly CronField[] Fields =
    [
        new("minute", 0, 59, []),
        new("hour", 0, 23, []),
        new("day of month", 1, 31, []),
        new("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        new("day of week", 0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    /// <summary>Null when the schedule is valid; otherwise what is wrong with it.</summary>
    public static string? Problem(string schedule)
    {
        var text = schedule.Trim();
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            var zone = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..(end < 0 ? text.Length : end)];
            if (TimeZones.Problem(zone) is { } zoneProblem)
            {
                return zoneProblem;
            }

            text = end < 0 ? string.Empty : text[(end + 1)..].Trim();
        }

        if (text.StartsWith('@'))
        {
            return $"'{schedule}' uses a '@' descriptor, which Argo's schedule parser does not accept; write five cron fields";
        }

        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
        {
            return $"'{schedule}' must have exactly 5 fields (minute hour day-of-month month day-of-week), found {parts.Length}";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (FieldProblem(parts[i], Fields[i]) is { } problem)
            {
                return $"'{schedule}': {problem}";
            }
        }

        return null;
    }

    private static string? FieldProblem(string field, CronField spec)
    {
        foreach (var range in field.Split(','))
        {
            var stepParts = range.Split('/');
            if (stepParts.Length > 2)
            {
                return $"too many '/' in {spec.Name} '{range}'";
            }

            if (stepParts.Length == 2 && (!int.TryParse(stepParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step <= 0))
            {
                return $"the step of {spec.Name} '{range}' must be a positive number";
            }

            var bounds = stepParts[0];
            if (bounds is "*" or "?")
            {
                continue;
            }

            var ends = bounds.Split('-');
            if (ends.Length > 2)
            {
                return $"too many '-' in {spec.Name} '{range}'";
            }

            if (!spec.TryRead(ends[0], out var low, out var problem) ||
                (ends.Length == 2 && !spec.TryRead(ends[1], out _, out problem)))
            {
                return problem;
            }

            if (ends.Length == 2 && spec.TryRead(ends[1], out var high, out _) && low > high)
            {
                return $"the {spec.Name} range '{bounds}' starts after it ends";
            }
        }

        return null;
    }

    private sealed record CronField(string Name, int Min, int Max, string[] Names)
    {
        public bool TryRead(string text, out int value, out string? problem)
        {
            var index = Array.IndexOf(Names, text.ToLowerInvariant());
            if (index >= 0)
            {
                value = index + Min;
                problem = null;
                return true;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                problem = $"'{text}' is not a valid {Name}";
                return false;
            }

            if (value < Min || value > Max)
            {
                problem = $"{Name} {value} is out of range {Min}-{Max}";
                return false;
            }

            problem = null;
            return true;
        }
    }
}
