using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqRegexTests
{
    [Theory]
    [InlineData("test(\"b+\")", "\"abbc\"", "true")]
    [InlineData("test(\"^b\")", "\"abbc\"", "false")]
    [InlineData("test(\"ABC\"; \"i\")", "\"xabc\"", "true")]
    [InlineData("test([\"ABC\", \"i\"])", "\"xabc\"", "true")]
    [InlineData("test(\"a.c\")", "\"a\\nc\"", "false")]
    [InlineData("test(\"a.c\"; \"s\")", "\"a\\nc\"", "true")]
    [InlineData("test(\"\\\\d+\")", "\"a1\"", "true")]
    [InlineData("[.[] | select(test(\"^x\"))]", """["xa","b","xc"]""", """["xa","xc"]""")]
    [InlineData("match(\"(b+)(x)?\")", "\"abbc\"",
        """{"captures":[{"length":2,"name":null,"offset":1,"string":"bb"},{"length":0,"name":null,"offset":-1,"string":null}],"length":2,"offset":1,"string":"bb"}""")]
    [InlineData("[match(\"a\"; \"g\") | .offset]", "\"éaba\"", "[1,3]")]
    [InlineData("match(\"(?P<first>\\\\w)(\\\\d)\") | .captures | map(.name)", "\"a1\"", """["first",null]""")]
    [InlineData("capture(\"(?<user>[a-z]+)@(?<host>[a-z.]+)\")", "\"bob@ex.com\"", """{"host":"ex.com","user":"bob"}""")]
    [InlineData("[scan(\"c\")]", "\"abcdc\"", """["c","c"]""")]
    [InlineData("[scan(\"(a)(b)\")]", "\"abab\"", """[["a","b"],["a","b"]]""")]
    [InlineData("split(\", *\"; null)", "\"a, b,c\"", """["a","b","c"]""")]
    [InlineData("[splits(\"-\")]", "\"a-b\"", """["a","b"]""")]
    [InlineData("sub(\"o\"; \"0\")", "\"foo\"", "\"f0o\"")]
    [InlineData("gsub(\"o\"; \"0\")", "\"foo\"", "\"f00\"")]
    [InlineData("gsub(\"(?<l>[a-z])\"; \"<\\(.l)>\")", "\"a1b\"", "\"<a>1<b>\"")]
    [InlineData("sub(\"(?<x>b)\"; \"[\\(.x)]\"; \"g\")", "\"abcb\"", "\"a[b]c[b]\"")]
    [InlineData("gsub(\"A\"; \"x\"; \"i\")", "\"aA\"", "\"xx\"")]
    [InlineData("[sub(\"a\"; \"1\", \"2\")]", "\"xa\"", """["x1","x2"]""")]
    [InlineData("gsub(\"\"; \"-\")", "\"ab\"", "\"-a-b-\"")]
    [InlineData("gsub(\"x*\"; \"-\"; \"n\")", "\"axb\"", "\"a-b\"")]
    public void Regex_functions(string program, string input, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program, input));

    [Theory]
    [InlineData("test(\"a\")", "1", "number (1) cannot be matched, as it is not a string")]
    [InlineData("test(\"a\"; \"q\")", "\"a\"", "q is not a valid modifier string")]
    [InlineData("test(\"(a\")", "\"a\"", "is not a valid regex")]
    [InlineData("test(\"(?=a)\")", "\"a\"", "is not a valid regex")]
    public void Regex_errors(string program, string input, string message) =>
        Assert.Contains(message, JqRunner.RunError(program, input));
}
