using Xunit;

namespace ArgoEvents.EventSources.Tests.Failover;

public sealed class TickAuditTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_complete_run_in_any_order_is_exact()
    {
        var audit = TickAudit.Of([Start.AddSeconds(2), Start, Start.AddSeconds(1), Start.AddSeconds(3)], Second);

        Assert.True(audit.IsExact, audit.ToString());
        Assert.Equal(4, audit.Count);
    }

    [Fact]
    public void A_duplicate_a_gap_and_an_off_grid_tick_are_each_reported()
    {
        var audit = TickAudit.Of([Start, Start.AddSeconds(1), Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(3.5)], Second);

        Assert.False(audit.IsExact);
        Assert.Equal([Start.AddSeconds(1)], audit.Duplicated);
        Assert.Equal([Start.AddSeconds(2)], audit.Missing);
        Assert.Equal([Start.AddSeconds(3.5)], audit.OffGrid);
    }

    [Theory]
    [InlineData("2024-01-02 03:04:05 +0000 UTC", "2024-01-02T03:04:05.0000000+00:00")]
    [InlineData("2024-01-02 03:04:05.123456789 +0000 UTC m=+12.345678901", "2024-01-02T03:04:05.1234567+00:00")]
    [InlineData("2024-01-02 04:04:05 +0100 CET", "2024-01-02T04:04:05.0000000+01:00")]
    [InlineData("2024-01-01 22:04:05.5 -0500 EST", "2024-01-01T22:04:05.5000000-05:00")]
    public void Go_time_strings_are_read_to_the_instant_they_name(string goTime, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CalendarEventTime.Parse(goTime));
    }

    [Fact]
    public void The_event_time_is_read_from_argos_calendar_payload()
    {
        var payload = """{"eventTime":"2024-01-02 03:04:05 +0000 UTC","metadata":{"a":"b"}}"""u8.ToArray();

        Assert.Equal(Start, CalendarEventTime.FromPayload(payload));
        Assert.Throws<FormatException>(() => CalendarEventTime.Parse("2024-01-02T03:04:05Z"));
    }
}
