using ArgoEvents.Sensors.Filters;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

public class Re2RegexTests
{
    [Theory]
    [InlineData("labeled", "unlabeled", true)]
    [InlineData("^labeled$", "unlabeled", false)]
    [InlineData("end$", "the end\n", false)]
    [InlineData("(?m)end$", "the end\nx", true)]
    [InlineData("\\d+", "١٢٣", false)]
    [InlineData("\\d+", "a123", true)]
    [InlineData("[[:alpha:]]+[[:digit:]]", "abc1", true)]
    [InlineData("(?P<x>ab)c", "zabc", true)]
    [InlineData("(?i)HELLO", "hello", true)]
    [InlineData("\\Qa.b\\E", "axb", false)]
    [InlineData("\\Qa.b\\E", "a.b", true)]
    [InlineData("\\pL", "é", true)]
    [InlineData("\\x{41}", "A", true)]
    [InlineData("[]a]", "]", true)]
    public void Matches_like_re2(string pattern, string input, bool expected) =>
        Assert.Equal(expected, Re2Regex.Compile(pattern).IsMatch(input));

    [Theory]
    [InlineData("(a)\\1")]
    [InlineData("a(?=b)")]
    [InlineData("a(?!b)")]
    [InlineData("(?<=a)b")]
    [InlineData("(?<!a)b")]
    [InlineData("(?>a)")]
    [InlineData("a*+")]
    [InlineData("a**")]
    [InlineData("(?U)a*")]
    [InlineData("a\\Z")]
    [InlineData("(")]
    [InlineData("[[:nope:]]")]
    public void Refuses_non_re2_constructs(string pattern)
    {
        var e = Assert.Throws<ArgumentException>(() => Re2Regex.Compile(pattern));
        Assert.Contains(pattern, e.Message, StringComparison.Ordinal);
    }
}
