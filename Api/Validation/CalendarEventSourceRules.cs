using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's calendar rules: a schedule or an interval; the schedule must parse and the time zone must exist.</summary>
internal static class CalendarEventSourceRules
{
    public static void Check(CalendarEventSource source, ValidationScope scope)
    {
        if (string.IsNullOrEmpty(source.Schedule) && source.Interval is null)
        {
            scope.Fail("needs schedule or interval");
        }

        if (!string.IsNullOrEmpty(source.Schedule) && CronScheduleSyntax.Problem(source.Schedule) is { } scheduleProblem)
        {
            scope.Fail("schedule", "is not a valid schedule: " + scheduleProblem);
        }

        if (source.Interval is { } interval && interval.Value <= TimeSpan.Zero)
        {
            scope.Fail("interval", $"must be positive, got '{source.Interval}'");
        }

        if (!string.IsNullOrEmpty(source.Timezone) && TimeZones.Problem(source.Timezone) is { } zoneProblem)
        {
            scope.Fail("timezone", zoneProblem);
        }
    }
}
