using Xunit;
using static ArgoEvents.Sensors.Tests.Templates.TemplateTestHelpers;

namespace ArgoEvents.Sensors.Tests.Templates;

public class GoTemplatePrintingTests
{
    [Theory]
    [InlineData("100", "100")]
    [InlineData("3.14", "3.14")]
    [InlineData("1000000", "1e+06")]
    [InlineData("123456", "123456")]
    [InlineData("123456789", "1.23456789e+08")]
    [InlineData("1e21", "1e+21")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("0", "0")]
    [InlineData("1.0", "1")]
    public void Json_numbers_print_as_float64(string number, string expected) => Assert.Equal(expected, Run("{{ .Input.n }}", $$"""{"n":{{number}}}"""));

    [Fact]
    public void Maps_print_sorted_and_slices_with_spaces() =>
        Assert.Equal("map[a:1 b:[x <nil> true] c:map[]]", Run("{{ .Input }}", """{"c":{},"b":["x",null,true],"a":1}"""));

    [Fact]
    public void Print_functions_follow_fmt()
    {
        Assert.Equal("a1 2b", Run("{{ print \"a\" 1 2 \"b\" }}"));
        Assert.Equal("<nil>", Run("{{ print .Input.missing }}"));
        Assert.Equal("a 1\n", Run("{{ println \"a\" 1 }}"));
    }

    [Theory]
    [InlineData("{{ printf \"%s-%d\" \"a\" 5 }}", "a-5")]
    [InlineData("{{ printf \"%v|%v|%v\" 1.5 .Input.n true }}", "1.5|1e+06|true")]
    [InlineData("{{ printf \"%q\" \"a\\\"b\\n\" }}", "\"a\\\"b\\n\"")]
    [InlineData("{{ printf \"%.2f\" 3.14159 }}", "3.14")]
    [InlineData("{{ printf \"%f\" 2.5 }}", "2.500000")]
    [InlineData("{{ printf \"%e\" 1234.5678 }}", "1.234568e+03")]
    [InlineData("{{ printf \"%g\" 0.000012 }}", "1.2e-05")]
    [InlineData("{{ printf \"%t\" false }}", "false")]
    [InlineData("{{ printf \"%x|%X|%o|%b\" 255 255 8 5 }}", "ff|FF|10|101")]
    [InlineData("{{ printf \"%x\" \"hi\" }}", "6869")]
    [InlineData("{{ printf \"%5d|%-5d|%05d\" 42 42 42 }}", "   42|42   |00042")]
    [InlineData("{{ printf \"%+d\" 3 }}", "+3")]
    [InlineData("{{ printf \"%c\" 65 }}", "A")]
    [InlineData("{{ printf \"%.2s\" \"hello\" }}", "he")]
    [InlineData("{{ printf \"100%%\" }}", "100%")]
    [InlineData("{{ printf \"%d\" 1.5 }}", "%!d(float64=1.5)")]
    [InlineData("{{ printf \"%s\" 3 }}", "%!s(int=3)")]
    [InlineData("{{ printf \"%d %d\" 1 }}", "1 %!d(MISSING)")]
    [InlineData("{{ printf \"%d\" 1 2 }}", "1%!(EXTRA int=2)")]
    [InlineData("{{ printf \"%v\" .Input.m }}", "map[k:v]")]
    public void Printf_verbs(string template, string expected) => Assert.Equal(expected, Run(template, """{"n":1000000,"m":{"k":"v"}}"""));

    [Fact]
    public void Html_js_and_urlquery_escape()
    {
        Assert.Equal("&lt;a href=&#34;x&#34;&gt;&amp; &#39;", Run("{{ html \"<a href=\\\"x\\\">\" \"& '\" }}"));
        Assert.Equal("\\u003Cb\\u003E \\'x\\' \\\"y\\\" \\u003D \\\\", Run("{{ js \"<b> 'x' \\\"y\\\" = \\\\\" }}"));
        Assert.Equal("a+b%26c%3Dd%2F%C3%A9", Run("{{ urlquery \"a b&c=d/é\" }}"));
    }
}
