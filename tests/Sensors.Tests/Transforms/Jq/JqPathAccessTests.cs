using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqPathAccessTests
{
    [Theory]
    [InlineData(".", """{"a":1}""", """{"a":1}""")]
    [InlineData("", """[1,2]""", "[1,2]")]
    [InlineData(".a", """{"a":1}""", "1")]
    [InlineData(".a.b", """{"a":{"b":"x"}}""", "\"x\"")]
    [InlineData(".missing", """{"a":1}""", "null")]
    [InlineData(".a.b", """{"a":null}""", "null")]
    [InlineData(".\"quoted key\"", """{"quoted key":3}""", "3")]
    [InlineData(".a.\"b c\"", """{"a":{"b c":4}}""", "4")]
    [InlineData(".[\"key\"]", """{"key":5}""", "5")]
    [InlineData(".a[\"k\"]", """{"a":{"k":6}}""", "6")]
    [InlineData(".a.[0]", """{"a":[7]}""", "7")]
    [InlineData(".and", """{"and":8}""", "8")]
    [InlineData(".[0]", "[10,20,30]", "10")]
    [InlineData(".[-1]", "[10,20,30]", "30")]
    [InlineData(".[-4]", "[10,20,30]", "null")]
    [InlineData(".[3]", "[10,20,30]", "null")]
    [InlineData(".[1.7]", "[10,20,30]", "20")]
    [InlineData(".[0]", "null", "null")]
    [InlineData(".[1:3]", "[0,1,2,3,4]", "[1,2]")]
    [InlineData(".[:2]", "[0,1,2,3,4]", "[0,1]")]
    [InlineData(".[3:]", "[0,1,2,3,4]", "[3,4]")]
    [InlineData(".[-2:]", "[0,1,2,3,4]", "[3,4]")]
    [InlineData(".[3:1]", "[0,1,2,3,4]", "[]")]
    [InlineData(".[1:3]", "\"abcdef\"", "\"bc\"")]
    [InlineData(".[1:]", "\"h\u00e9llo\"", "\"\u00e9llo\"")]
    [InlineData(".[1:2]", "null", "null")]
    [InlineData(".[]", "[1,2,3]", "1\n2\n3")]
    [InlineData(".[]", """{"b":2,"a":1}""", "1\n2")]
    [InlineData(".a[]", """{"a":[1,2]}""", "1\n2")]
    [InlineData(".[].x", """[{"x":1},{"x":2}]""", "1\n2")]
    [InlineData(".[.i]", """{"i":"k","k":9}""", "9")]
    [InlineData(".a[.i]", """{"i":1,"a":[5,6]}""", "6")]
    [InlineData(".[0,1]", "[5,6,7]", "5\n6")]
    [InlineData("..", """[1,[2]]""", "[1,[2]]\n1\n[2]\n2")]
    [InlineData("[..|numbers]", """{"a":1,"b":{"c":2}}""", "[1,2]")]
    public void Accesses_values(string program, string input, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program, input));

    [Theory]
    [InlineData(".a?", "[1]", "")]
    [InlineData(".[]?", "3", "")]
    [InlineData("[.[]?]", "3", "[]")]
    [InlineData(".a?.b", """{"a":{"b":1}}""", "1")]
    [InlineData("[.[] | .a?]", """[1,{"a":2}]""", "[2]")]
    [InlineData(".[\"a\"]?", "true", "")]
    public void Optional_suppresses_errors(string program, string input, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program, input));

    [Theory]
    [InlineData(".a", "[1]", "Cannot index array with \"a\"")]
    [InlineData(".a", "5", "Cannot index number with \"a\"")]
    [InlineData(".[0]", """{"a":1}""", "Cannot index object with number")]
    [InlineData(".[0]", "\"abc\"", "Cannot index string with number")]
    [InlineData(".[]", "5", "Cannot iterate over number (5)")]
    [InlineData(".[]", "null", "Cannot iterate over null")]
    [InlineData(".[\"a\":]", "[1]", "Start and end indices of an array slice must be numbers")]
    public void Index_errors_use_jq_messages(string program, string input, string message) =>
        Assert.Equal(message, JqRunner.RunError(program, input));
}
