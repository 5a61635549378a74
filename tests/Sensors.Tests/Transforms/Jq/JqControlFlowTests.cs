using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqControlFlowTests
{
    [Theory]
    [InlineData(".a | .b", """{"a":{"b":1}}""", "1")]
    [InlineData(".a, .b", """{"a":1,"b":2}""", "1\n2")]
    [InlineData("(.a, .b) | . * 10", """{"a":1,"b":2}""", "10\n20")]
    [InlineData(".a, .b | . + 1", """{"a":1,"b":2}""", "2\n3")]
    [InlineData("if . then \"y\" else \"n\" end", "0", "\"y\"")]
    [InlineData("if . then \"y\" else \"n\" end", "null", "\"n\"")]
    [InlineData("if . == 1 then \"one\" elif . == 2 then \"two\" else \"many\" end", "2", "\"two\"")]
    [InlineData("if . == 1 then \"one\" elif . == 2 then \"two\" else \"many\" end", "5", "\"many\"")]
    [InlineData("if . > 1 then \"big\" end", "0", "0")]
    [InlineData("if (true, false) then 1 else 2 end", "null", "1\n2")]
    [InlineData("try error(\"x\") catch .", "null", "\"x\"")]
    [InlineData("try error({\"a\":1}) catch .a", "null", "1")]
    [InlineData("try (1, error(\"x\"), 3) catch .", "null", "1\n\"x\"")]
    [InlineData("[.[] | try (if . == 2 then error(\"bad\") else . end)]", "[1,2,3]", "[1,3]")]
    [InlineData("try (1 + \"a\") catch .", "null", "\"number (1) and string (\\\"a\\\") cannot be added\"")]
    [InlineData("(1, error(\"x\"), 3)?", "null", "1")]
    [InlineData(". as $x | [$x, $x + 1]", "1", "[1,2]")]
    [InlineData(".a as $v | .b | . + $v", """{"a":1,"b":2}""", "3")]
    [InlineData("(1, 2) as $x | $x * 10", "null", "10\n20")]
    [InlineData(". as [$a, $b] | $a + $b", "[1,2,3]", "3")]
    [InlineData(". as {a: $x, $b} | [$x, $b]", """{"a":1,"b":2}""", "[1,2]")]
    [InlineData(". as {\"a\": [$first]} | $first", """{"a":[7,8]}""", "7")]
    [InlineData(". as {$a: {b: $c}} | [$a, $c]", """{"a":{"b":3}}""", "[{\"b\":3},3]")]
    [InlineData(". as [$a] | $a", "null", "null")]
    [InlineData("1 + 2 as $x | $x * 10", "null", "21")]
    [InlineData("reduce .[] as $x (0; . + $x)", "[1,2,3]", "6")]
    [InlineData("reduce .[] as [$k, $v] ({}; .[$k] = $v)", """[["a",1],["b",2]]""", """{"a":1,"b":2}""")]
    [InlineData("reduce empty as $x (5; . + 1)", "null", "5")]
    [InlineData("foreach .[] as $x (0; . + $x)", "[1,2,3]", "1\n3\n6")]
    [InlineData("foreach .[] as $x (0; . + $x; [$x, .])", "[1,2]", "[1,1]\n[2,3]")]
    [InlineData("[limit(2; .[])]", "[1,2,3]", "[1,2]")]
    [InlineData("[limit(0; .[])]", "[1,2,3]", "[]")]
    [InlineData("first(.[])", "[4,5]", "4")]
    [InlineData("last(.[])", "[4,5]", "5")]
    [InlineData("[first(empty)]", "null", "[]")]
    [InlineData("nth(1; .[])", "[4,5,6]", "5")]
    [InlineData("isempty(empty), isempty(1)", "null", "true\nfalse")]
    [InlineData("[.[] | select(. > 1)]", "[1,2,3]", "[2,3]")]
    [InlineData("[range(3)]", "null", "[0,1,2]")]
    [InlineData("[range(2; 5)]", "null", "[2,3,4]")]
    [InlineData("[range(0; 10; 3)]", "null", "[0,3,6,9]")]
    [InlineData("[range(5; 0; -2)]", "null", "[5,3,1]")]
    [InlineData("[range(0, 1; 3)]", "null", "[0,1,2,1,2]")]
    [InlineData("until(. > 100; . * 2)", "1", "128")]
    [InlineData("[while(. < 10; . * 3)]", "1", "[1,3,9]")]
    [InlineData("[limit(4; repeat(. * 2))]", "1", "[1,2,4,8]")]
    [InlineData("[recurse(if . < 3 then . + 1 else empty end)]", "0", "[0,1,2,3]")]
    [InlineData("[recurse(. * 2; . < 20)]", "3", "[3,6,12]")]
    [InlineData("[recurse] | length", "[[1]]", "3")]
    [InlineData("empty", "1", "")]
    [InlineData("[.[] | tonumber?]", """["1","x","2"]""", "[1,2]")]
    [InlineData("try error catch .", """{"x":1}""", """{"x":1}""")]
    [InlineData("try error(null) catch .", "null", "null")]
    [InlineData("first(1, error)", "null", "1")]
    [InlineData("try (1, (\"x\" | tonumber)) catch \"c\"", "null", "1\n\"c\"")]
    [InlineData("\"\\(1,2) \\(3,4)\"", "null", "\"1 3\"\n\"2 3\"\n\"1 4\"\n\"2 4\"")]
    public void Evaluates(string program, string input, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program, input));

    [Theory]
    [InlineData("error(\"custom\")", "custom")]
    [InlineData("\"msg\" | error", "msg")]
    [InlineData("error({\"a\":1})", "{\"a\":1} (not a string)")]
    [InlineData("nth(-1; 1)", "Out of bounds negative array index")]
    public void Raises_errors(string program, string message) =>
        Assert.Equal(message, JqRunner.RunError(program));

    [Fact]
    public void Errors_after_an_output_are_not_caught_by_an_earlier_try() =>
        Assert.Equal("later", JqRunner.RunError("(try 1) | error(\"later\")"));

    [Fact]
    public void Variables_are_scoped_to_their_body() =>
        Assert.Contains("$x is not defined", JqRunner.ParseError("(1 as $x | $x) | $x"));
}
