using ArgoEvents.EventSources.Sources.Calendar;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Calendar;

public sealed class GoTimeTextTests
{
    [Theory]
    [InlineData("2024-01-02T03:04:00Z", "UTC", "2024-01-02 03:04:00 +0000 UTC")]
    [InlineData("2024-01-02T03:04:05.5Z", "UTC", "2024-01-02 03:04:05.5 +0000 UTC")]
    [InlineData("2024-01-02T03:04:05.0000001Z", "UTC", "2024-01-02 03:04:05.0000001 +0000 UTC")]
    [InlineData("2024-01-02T03:04:05.120Z", "UTC", "2024-01-02 03:04:05.12 +0000 UTC")]
    [InlineData("2024-01-15T14:00:00Z", "America/New_York", "2024-01-15 09:00:00 -0500 EST")]
    [InlineData("2024-07-15T13:00:00Z", "America/New_York", "2024-07-15 09:00:00 -0400 EDT")]
    [InlineData("2099-07-15T13:00:00Z", "America/New_York", "2099-07-15 09:00:00 -0400 EDT")]
    [InlineData("2099-01-15T14:00:00Z", "America/New_York", "2099-01-15 09:00:00 -0500 EST")]
    [InlineData("2024-07-01T00:00:00Z", "Europe/Paris", "2024-07-01 02:00:00 +0200 CEST")]
    [InlineData("2024-01-02T03:04:00Z", "Asia/Kolkata", "2024-01-02 08:34:00 +0530 IST")]
    [InlineData("2024-01-02T03:04:00Z", "Asia/Dubai", "2024-01-02 07:04:00 +0400 +04")]
    [InlineData("2024-01-02T03:04:00Z", "Etc/GMT+5", "2024-01-01 22:04:00 -0500 -05")]
    public void Instants_are_written_as_gos_time_string(string instant, string zone, string expected)
    {
        var timeZone = zone == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone);

        Assert.Equal(expected, GoTimeText.Format(DateTimeOffset.Parse(instant), timeZone));
    }

    [Fact]
    public void Numeric_offsets_have_a_sign_hours_and_minutes()
    {
        Assert.Equal("+0000", GoTimeText.NumericOffset(TimeSpan.Zero));
        Assert.Equal("-0930", GoTimeText.NumericOffset(new TimeSpan(-9, -30, 0)));
        Assert.Equal("+1345", GoTimeText.NumericOffset(new TimeSpan(13, 45, 0)));
    }
}
