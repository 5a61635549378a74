using System.Text;
using ArgoEvents.EventBus.CloudEvents;
using Xunit;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

public sealed class CloudEventTimestampTests
{
    private static readonly DateTimeOffset Noon = new(2026, 7, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_whole_second_has_no_fraction()
    {
        Assert.Equal("2026-07-18T12:00:00Z", CloudEventTimestamp.Format(Noon));
    }

    [Theory]
    [InlineData(1_200_000, "2026-07-18T12:00:00.12Z")]
    [InlineData(1_000_000, "2026-07-18T12:00:00.1Z")]
    [InlineData(1_234_567, "2026-07-18T12:00:00.1234567Z")]
    [InlineData(1_234_560, "2026-07-18T12:00:00.123456Z")]
    [InlineData(1, "2026-07-18T12:00:00.0000001Z")]
    [InlineData(5_000, "2026-07-18T12:00:00.0005Z")]
    public void Trailing_fractional_zeros_are_removed(long ticks, string expected)
    {
        Assert.Equal(expected, CloudEventTimestamp.Format(Noon.AddTicks(ticks)));
    }

    [Fact]
    public void A_non_utc_time_is_written_in_utc()
    {
        var newYork = new DateTimeOffset(2026, 7, 18, 8, 0, 0, TimeSpan.FromHours(-4));

        Assert.Equal("2026-07-18T12:00:00Z", CloudEventTimestamp.Format(newYork));
    }

    [Fact]
    public void A_time_near_midnight_changes_date_when_converted_to_utc()
    {
        var tokyo = new DateTimeOffset(2026, 1, 1, 5, 30, 0, TimeSpan.FromHours(9));

        Assert.Equal("2025-12-31T20:30:00Z", CloudEventTimestamp.Format(tokyo));
    }

    [Fact]
    public void TryFormat_writes_the_same_utf8_text()
    {
        Span<byte> buffer = stackalloc byte[CloudEventTimestamp.MaxFormattedLength];
        var time = DateTimeOffset.MaxValue;

        Assert.True(CloudEventTimestamp.TryFormat(time, buffer, out var written));
        Assert.Equal(CloudEventTimestamp.Format(time), Encoding.UTF8.GetString(buffer[..written]));
        Assert.Equal(CloudEventTimestamp.MaxFormattedLength, written);
    }

    [Theory]
    [InlineData("2026-07-18T12:00:00Z", 0, 0)]
    [InlineData("2026-07-18t12:00:00z", 0, 0)]
    [InlineData("2026-07-18T12:00:00.5Z", 5_000_000, 0)]
    [InlineData("2026-07-18T12:00:00.123456789Z", 1_234_567, 0)]
    [InlineData("2026-07-18T12:00:00.12345678912345Z", 1_234_567, 0)]
    [InlineData("2026-07-18T14:00:00+02:00", 0, 120)]
    [InlineData("2026-07-18T07:30:00.25-04:30", 2_500_000, -270)]
    public void Parse_reads_rfc3339_with_offsets_and_fractions(string text, long fractionTicks, int offsetMinutes)
    {
        Assert.True(CloudEventTimestamp.TryParse(text, out var time));

        Assert.Equal(Noon.AddTicks(fractionTicks), time);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), time.Offset);
    }

    [Fact]
    public void Parse_turns_offsets_beyond_dotnet_limits_into_utc()
    {
        Assert.True(CloudEventTimestamp.TryParse("2026-07-19T11:59:00+23:59", out var time));

        Assert.Equal(Noon, time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-07-18")]
    [InlineData("2026-07-18T12:00:00")]
    [InlineData("2026-07-18 12:00:00Z")]
    [InlineData("2026-07-18T12:00Z")]
    [InlineData("2026-07-18T12:00:00.Z")]
    [InlineData("2026-07-18T12:00:00+0200")]
    [InlineData("2026-07-18T12:00:00+24:00")]
    [InlineData("2026-13-18T12:00:00Z")]
    [InlineData("2026-02-29T12:00:00Z")]
    [InlineData("2026-07-18T24:00:00Z")]
    [InlineData("2026-07-18T12:60:00Z")]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2026-07-18T12:00:00Z ")]
    [InlineData("２０２６-07-18T12:00:00Z")]
    public void Parse_rejects_what_is_not_an_rfc3339_date_time(string text)
    {
        Assert.False(CloudEventTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Format_then_parse_gives_the_same_instant()
    {
        var time = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-11)).AddTicks(9_999_999);

        Assert.True(CloudEventTimestamp.TryParse(CloudEventTimestamp.Format(time), out var parsed));
        Assert.Equal(time, parsed);
    }
}
