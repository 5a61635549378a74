using ArgoEvents.EventSources.Sources.Calendar;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Calendar;

public sealed class TickScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2024-01-02T03:04:03.5Z", "10s", "2024-01-02T03:04:10Z")]
    [InlineData("2024-01-02T03:04:10Z", "10s", "2024-01-02T03:04:20Z")]
    [InlineData("2024-01-02T03:04:09.9999999Z", "10s", "2024-01-02T03:04:10Z")]
    [InlineData("1970-01-01T00:00:00Z", "1.5s", "1970-01-01T00:00:01.5Z")]
    [InlineData("2024-01-02T03:04:00Z", "7m", "2024-01-02T03:05:00Z")]
    [InlineData("2024-01-02T03:04:00Z", "1h", "2024-01-02T04:00:00Z")]
    public void Interval_ticks_are_whole_multiples_of_the_interval_since_the_epoch(string after, string interval, string expected)
    {
        var schedule = new IntervalTickSchedule(ArgoEvents.Api.V1Alpha1.GoDuration.Parse(interval).Value);

        Assert.Equal(DateTimeOffset.Parse(expected), schedule.Next(DateTimeOffset.Parse(after)));
    }

    [Fact]
    public void Interval_ticks_are_the_same_whatever_the_starting_point()
    {
        var schedule = new IntervalTickSchedule(TimeSpan.FromSeconds(3));
        var fromA = Ticks(schedule, DateTimeOffset.Parse("2024-05-01T00:00:00.1Z"), 5);
        var fromB = Ticks(schedule, DateTimeOffset.Parse("2024-05-01T00:00:01.7Z"), 5);

        Assert.Equal(fromA, fromB);
        Assert.All(fromA, t => Assert.Equal(0, t.ToUnixTimeMilliseconds() % 3000));
    }

    [Fact]
    public void Cron_steps_ranges_names_and_question_marks_read_as_robfig_reads_them()
    {
        var after = DateTimeOffset.Parse("2024-01-01T00:00:30Z");

        Assert.Equal(["2024-01-01T00:05:00Z", "2024-01-01T00:15:00Z"], Format(Ticks(CronTickSchedule.Parse("5/10 * * * *", TimeZoneInfo.Utc), after, 2)));
        Assert.Equal(["2024-01-01T12:00:00Z", "2024-01-02T12:00:00Z", "2024-01-03T12:00:00Z", "2024-01-04T12:00:00Z", "2024-01-05T12:00:00Z", "2024-01-08T12:00:00Z"],
            Format(Ticks(CronTickSchedule.Parse("0 12 ? * mon-FRI", TimeZoneInfo.Utc), after, 6)));
        Assert.Equal(["2024-01-01T00:30:00Z", "2024-01-01T01:30:00Z"], Format(Ticks(CronTickSchedule.Parse("30 * * * *", TimeZoneInfo.Utc), after, 2)));
    }

    [Fact]
    public void When_both_day_fields_are_restricted_a_day_matching_either_fires()
    {
        // Friday or the 13th, as robfig/cron and classic cron read it (NCrontab alone would need both).
        var ticks = Ticks(CronTickSchedule.Parse("0 0 13 * 5", TimeZoneInfo.Utc), DateTimeOffset.Parse("2024-09-01T00:00:00Z"), 5);

        Assert.Equal(["2024-09-06T00:00:00Z", "2024-09-13T00:00:00Z", "2024-09-20T00:00:00Z", "2024-09-27T00:00:00Z", "2024-10-04T00:00:00Z"], Format(ticks));
    }

    [Fact]
    public void A_stepped_star_counts_as_restricted_and_a_plain_star_does_not()
    {
        var either = Ticks(CronTickSchedule.Parse("0 0 */10 * 1", TimeZoneInfo.Utc), DateTimeOffset.Parse("2024-09-01T00:00:00Z"), 4);
        var both = Ticks(CronTickSchedule.Parse("0 0 * * 1", TimeZoneInfo.Utc), DateTimeOffset.Parse("2024-09-01T00:00:00Z"), 2);

        // */10 on days 1,11,21,31 or any Monday (2024-09-02, 09, 11 is day 11).
        Assert.Equal(["2024-09-02T00:00:00Z", "2024-09-09T00:00:00Z", "2024-09-11T00:00:00Z", "2024-09-16T00:00:00Z"], Format(either));
        Assert.Equal(["2024-09-02T00:00:00Z", "2024-09-09T00:00:00Z"], Format(both));
    }

    [Fact]
    public void Cron_fields_are_read_in_the_time_zone_across_daylight_saving_changes()
    {
        var schedule = CronTickSchedule.Parse("0 9 * * *", NewYork);

        Assert.Equal(DateTimeOffset.Parse("2024-01-15T14:00:00Z"), schedule.Next(DateTimeOffset.Parse("2024-01-15T00:00:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2024-07-15T13:00:00Z"), schedule.Next(DateTimeOffset.Parse("2024-07-15T00:00:00Z")));
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_fires_an_hour_later_and_a_repeated_time_fires_once()
    {
        var skipped = CronTickSchedule.Parse("30 2 * * *", NewYork);
        var repeated = CronTickSchedule.Parse("30 1 * * *", NewYork);

        // 02:30 does not exist on 2024-03-10 in New York; Go reads it as 03:30 EDT.
        Assert.Equal(DateTimeOffset.Parse("2024-03-10T07:30:00Z"), skipped.Next(DateTimeOffset.Parse("2024-03-10T05:00:00Z")));
        var fallBack = Ticks(repeated, DateTimeOffset.Parse("2024-11-03T04:00:00Z"), 2);
        Assert.Equal(["2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z"], Format(fallBack));
    }

    [Fact]
    public void A_cron_time_zone_prefix_overrides_the_event_zone()
    {
        var schedule = CronTickSchedule.Parse("CRON_TZ=Asia/Tokyo 0 9 * * *", NewYork);

        Assert.Equal(DateTimeOffset.Parse("2024-01-15T00:00:00Z"), schedule.Next(DateTimeOffset.Parse("2024-01-14T12:00:00Z")));
    }

    [Fact]
    public void A_schedule_that_never_matches_has_no_next_tick()
        => Assert.Null(CronTickSchedule.Parse("0 0 30 2 *", TimeZoneInfo.Utc).Next(DateTimeOffset.Parse("2024-01-01T00:00:00Z")));

    [Theory]
    [InlineData("@hourly", "'@' descriptor")]
    [InlineData("@every 10s", "'@' descriptor")]
    [InlineData("0 * * * * *", "exactly 5 fields")]
    [InlineData("61 * * * *", "not a valid schedule")]
    [InlineData("TZ=Mars/Olympus 0 * * * *", "Mars/Olympus")]
    public void Schedules_argo_refuses_are_refused_with_the_reason(string expression, string reason)
    {
        var error = Assert.Throws<FormatException>(() => CronTickSchedule.Parse(expression, TimeZoneInfo.Utc));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluded_days_are_skipped_in_the_event_time_zone()
    {
        var exclusions = ExclusionDates.Parse(["EXDATE:20240102T150405Z"], "exclusionDates");
        var daily = new ExcludingTickSchedule(CronTickSchedule.Parse("0 23 * * *", NewYork), exclusions, NewYork);
        var hourly = new ExcludingTickSchedule(new IntervalTickSchedule(TimeSpan.FromHours(1)), exclusions, TimeZoneInfo.Utc);

        // 23:00 New York on Jan 1 is Jan 2 04:00 UTC, but its New York day (Jan 1) is not excluded; Jan 2's is.
        Assert.Equal(["2024-01-02T04:00:00Z", "2024-01-04T04:00:00Z"], Format(Ticks(daily, DateTimeOffset.Parse("2024-01-01T12:00:00Z"), 2)));
        Assert.Equal(DateTimeOffset.Parse("2024-01-03T00:00:00Z"), hourly.Next(DateTimeOffset.Parse("2024-01-01T23:30:00Z")));
    }

    [Fact]
    public void Exclusion_entries_are_read_as_argo_reads_them()
    {
        var exclusions = ExclusionDates.Parse(["EXDATE:20190102T150405Z,20190602T160210Z", "20200101T000000Z"], "spec.calendar.x.exclusionDates");

        Assert.Equal([new DateOnly(2019, 1, 2), new DateOnly(2019, 6, 2)], exclusions.Days.Order());
        Assert.Equal([1], exclusions.IgnoredEntries);
        var error = Assert.Throws<FormatException>(() => ExclusionDates.Parse(["EXDATE:20190102T150405Z", "EXDATE:2019-01-02"], "spec.calendar.x.exclusionDates"));
        Assert.Contains("spec.calendar.x.exclusionDates[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catch_up_starts_at_the_last_tick_unless_the_window_is_shorter()
    {
        var now = DateTimeOffset.Parse("2024-01-01T12:00:00Z");
        var recent = now.AddSeconds(-30);
        var old = now.AddHours(-2);

        Assert.Equal(recent, CatchUpPolicy.Within(CatchUpPolicy.HandoverWindow).Floor(recent, now));
        Assert.Equal(now.AddMinutes(-1), CatchUpPolicy.Within(CatchUpPolicy.HandoverWindow).Floor(old, now));
        Assert.Equal(old, CatchUpPolicy.Unbounded.Floor(old, now));
        Assert.Equal(now.AddMinutes(-5), CatchUpPolicy.Within(TimeSpan.FromMinutes(5)).Floor(old, now));
    }

    private static List<DateTimeOffset> Ticks(ITickSchedule schedule, DateTimeOffset after, int count)
    {
        var ticks = new List<DateTimeOffset>();
        for (var cursor = after; ticks.Count < count;)
        {
            cursor = schedule.Next(cursor) ?? throw new InvalidOperationException("the schedule ended");
            ticks.Add(cursor);
        }

        return ticks;
    }

    private static List<string> Format(IEnumerable<DateTimeOffset> ticks) => [.. ticks.Select(CalendarTickText.Write)];
}
