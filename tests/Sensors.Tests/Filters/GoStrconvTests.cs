using ArgoEvents.Sensors.Filters.Gjson;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

public class GoStrconvTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void ParseBool_accepts_go_forms(string text, bool expected)
    {
        Assert.True(GoStrconv.TryParseBool(text, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("tRUE")]
    [InlineData("")]
    [InlineData(" true")]
    public void ParseBool_rejects_others(string text) => Assert.False(GoStrconv.TryParseBool(text, out _));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+3", 3)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000)]
    [InlineData("1E-2", 0.01)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("-infinity", double.NegativeInfinity)]
    public void ParseFloat_accepts_go_forms(string text, double expected)
    {
        Assert.True(GoStrconv.TryParseFloat(text, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("1e400")]
    public void ParseFloat_rejects_others(string text) => Assert.False(GoStrconv.TryParseFloat(text, out _));

    [Fact]
    public void ParseFloat_nan() => Assert.True(GoStrconv.TryParseFloat("NaN", out var v) && double.IsNaN(v));
}
