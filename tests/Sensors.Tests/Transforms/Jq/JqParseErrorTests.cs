using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqParseErrorTests
{
    [Theory]
    [InlineData("def f: 1; f", "function definitions ('def') are not supported at line 1, column 1")]
    [InlineData(". | env", "env is not available in transforms")]
    [InlineData("env.HOME", "env is not available in transforms")]
    [InlineData("$ENV.HOME", "$ENV is not available in transforms")]
    [InlineData("input", "input is not available in transforms")]
    [InlineData("label $out | 1", "'label' and 'break' are not supported at line 1, column 1")]
    [InlineData("import \"a\" as a; .", "modules ('import') are not supported")]
    [InlineData(".a | foo(1)", "function foo/1 is not defined or not supported at line 1, column 6")]
    [InlineData("map", "function map/0 is not defined or not supported")]
    [InlineData("$__loc__", "$__loc__ is not supported")]
    [InlineData(". as [$a] ?// $a | $a", "'?//' is not supported")]
    [InlineData("@nope", "format '@nope'")]
    [InlineData("a::b", "module reference 'a::'")]
    [InlineData("now", "time functions (now) are not supported")]
    public void Refuses_unsupported_constructs(string program, string message) =>
        Assert.Contains(message, JqRunner.ParseError(program));

    [Theory]
    [InlineData(".a |", "syntax error: unexpected end of program at line 1, column 5")]
    [InlineData("(.a", "expected ')' but found end of program at line 1, column 4")]
    [InlineData(".a)", "syntax error: unexpected ')' at line 1, column 3")]
    [InlineData("[1,2", "expected ']'")]
    [InlineData("{a: 1", "expected '}'")]
    [InlineData("{(1)}", "expected ':' after object key")]
    [InlineData("{1: 2}", "unexpected number 1 in object construction")]
    [InlineData("\"abc", "unterminated string literal at line 1, column 1")]
    [InlineData("\"\\q\"", "invalid escape '\\q' in string literal at line 1, column 2")]
    [InlineData("\"\\(1", "unterminated string interpolation")]
    [InlineData(".a\n| $x", "$x is not defined at line 2, column 3")]
    [InlineData("if . then 1", "expected 'end' but found end of program")]
    [InlineData("1 == 2 == 3", "comparison operators do not chain")]
    [InlineData(". ^ 2", "unexpected character '^' at line 1, column 3")]
    [InlineData("reduce .[] as $x (0)", "expected ';' but found ')'")]
    [InlineData(". as 1 | .", "expected a variable or destructuring pattern after 'as' but found number 1")]
    public void Reports_syntax_errors_with_position(string program, string message) =>
        Assert.Contains(message, JqRunner.ParseError(program));

    [Fact]
    public void Parsed_program_runs_many_times()
    {
        var program = ArgoEvents.Sensors.Transforms.Jq.JqProgram.Parse(".a += 1");
        for (var i = 0; i < 3; i++)
        {
            var output = Assert.Single(program.Run(System.Text.Json.Nodes.JsonNode.Parse($$"""{"a":{{i}}}""")));
            Assert.Equal($$"""{"a":{{i + 1}}}""", output!.ToJsonString());
        }
    }
}
