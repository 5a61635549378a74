using ArgoEvents.ServiceDefaults.Configuration;
using Xunit;

namespace ArgoEvents.ServiceDefaults.Tests;

public sealed class GoDurationTests
{
    public static TheoryData<string, double> ValidDurations => new()
    {
        { "45s", 45 },
        { "1m30s", 90 },
        { "1.5h", 5400 },
        { "250ms", 0.25 },
        { "2h45m", 9900 },
        { "1h2m3s4ms", 3723.004 },
        { "1500us", 0.0015 },
        { "1500\u00b5s", 0.0015 },
        { ".5s", 0.5 },
        { "0", 0 },
        { "45", 45 },
        { "2.5", 2.5 },
        { " 30s ", 30 },
    };

    [Theory]
    [MemberData(nameof(ValidDurations))]
    public void Go_durations_and_plain_seconds_parse(string text, double expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abc", "no valid number at position 1")]
    [InlineData("5x", "unknown unit \"x\" at position 2")]
    [InlineData("1m30", "missing a unit after \"30\" at position 5")]
    [InlineData("1..5s", "no valid number at position 1")]
    [InlineData("-", "sign but no duration")]
    [InlineData("5 s", "unknown unit \" s\"")]
    public void Invalid_durations_say_what_is_wrong_and_where(string text, string expectedFragment)
    {
        var error = Assert.Throws<FormatException>(() => GoDuration.Parse(text));
        Assert.Contains(expectedFragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_go_durations_parse_as_go_does()
    {
        Assert.Equal(TimeSpan.FromSeconds(-90), GoDuration.Parse("-1m30s"));
    }
}
