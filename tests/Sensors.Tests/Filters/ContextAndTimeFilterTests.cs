using ArgoEvents.Sensors.Filters;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

public class ContextAndTimeFilterTests
{
    private static FilterEventContext Ctx(string type = "calendar", string source = "cal", DateTimeOffset? time = null) =>
        new(type, "example", source, "application/json", time ?? DateTimeOffset.UnixEpoch);

    [Fact]
    public void Context_mismatch_rejects() => Assert.False(new ContextFilter(new ContextFilterSpec(Type: "webhook")).Matches(Ctx()));

    [Fact]
    public void Context_matches_only_given_fields() =>
        Assert.True(new ContextFilter(new ContextFilterSpec(Type: "calendar", Source: "cal")).Matches(Ctx()));

    [Fact]
    public void Missing_actual_context_rejects() => Assert.False(new ContextFilter(new ContextFilterSpec(Type: "calendar")).Matches(null));

    [Fact]
    public void No_expected_context_passes() => Assert.True(new DependencyFilter(new DependencyFilterSpec()).Evaluate(Ctx(), default).Passed);

    [Theory]
    [InlineData("08:09:10", "16:17:18", new[] { false, false, true, true, false, false })]
    [InlineData("16:17:18", "08:09:10", new[] { true, true, false, false, true, true })]
    public void Argo_time_table(string start, string stop, bool[] expected)
    {
        var times = new[] { "00:00:00", "04:05:06", "08:09:10", "12:13:14", "16:17:18", "20:21:22" };
        var filter = new TimeFilter(new TimeFilterSpec(start, stop));
        for (var i = 0; i < times.Length; i++)
        {
            var t = DateTimeOffset.Parse("2024-03-05T" + times[i] + "Z", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected[i], filter.Evaluate(t).Passed);
        }
    }

    [Theory]
    [InlineData("09:00:00", "17:00:00", "America/New_York", "2024-01-10T14:00:00Z", true)]
    [InlineData("09:00:00", "17:00:00", "America/New_York", "2024-01-10T12:00:00Z", false)]
    [InlineData("09:00:00", "17:00:00", "America/New_York", "2024-01-10T22:00:00Z", false)]
    [InlineData("09:00:00", "17:00:00", "Asia/Tokyo", "2024-01-10T01:00:00Z", true)]
    [InlineData("22:00:00", "06:00:00", "America/New_York", "2024-07-10T02:00:00Z", true)]
    [InlineData("22:00:00", "06:00:00", "America/New_York", "2024-01-10T12:00:00Z", false)]
    public void Time_zones_and_overnight_windows(string start, string stop, string zone, string at, bool expected) =>
        Assert.Equal(expected, new TimeFilter(new TimeFilterSpec(start, stop, zone))
            .Evaluate(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)).Passed);

    [Theory]
    [InlineData("09:09:0", "10:00:00", null)]
    [InlineData("9:9:00", "10:00:00", null)]
    [InlineData("24:00:00", "10:00:00", null)]
    [InlineData("09:00:00", "10:60:00", null)]
    [InlineData("09:00:00", "10:00:00x", null)]
    [InlineData("09:00:00", "10:00:00", "Mars/Olympus")]
    public void Bad_times_and_zones_are_errors(string start, string stop, string? zone)
    {
        var filter = new TimeFilter(new TimeFilterSpec(start, stop, zone));
        Assert.NotNull(filter.Problem);
        var r = filter.Evaluate(DateTimeOffset.UnixEpoch);
        Assert.False(r.Passed);
        Assert.NotNull(r.Error);
    }

    [Fact]
    public void Single_digit_hour_and_fraction_are_accepted_like_go()
    {
        var filter = new TimeFilter(new TimeFilterSpec("9:00:00", "17:00:00.5"));
        Assert.Null(filter.Problem);
        Assert.True(filter.Evaluate(DateTimeOffset.Parse("2024-01-10T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)).Passed);
    }
}
