using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqAssignmentTests
{
    [Theory]
    // Argo's own transform test and the corpus example.
    [InlineData(".a += 1 | .b *= 2", """{"a":1,"b":"2"}""", """{"a":2,"b":"22"}""")]
    [InlineData(".body.message *= 2", """{"body":{"message":"hi"}}""", """{"body":{"message":"hihi"}}""")]
    [InlineData(".a = 5", """{"a":1}""", """{"a":5}""")]
    [InlineData(".a.b = 5", "{}", """{"a":{"b":5}}""")]
    [InlineData(".a = .b", """{"a":1,"b":2}""", """{"a":2,"b":2}""")]
    [InlineData(".a = (1, 2)", "{}", "{\"a\":1}\n{\"a\":2}")]
    [InlineData(".a[0] = 5", """{"a":[1,2]}""", """{"a":[5,2]}""")]
    [InlineData(".a[2] = 5", """{"a":[1]}""", """{"a":[1,null,5]}""")]
    [InlineData(".a[-1] = 9", """{"a":[1,2]}""", """{"a":[1,9]}""")]
    [InlineData(".[1:3] = [\"x\"]", "[0,1,2,3]", """[0,"x",3]""")]
    [InlineData(".[] += 1", "[1,2,3]", "[2,3,4]")]
    [InlineData(".[] |= . * 2", """{"a":1,"b":2}""", """{"a":2,"b":4}""")]
    [InlineData(".a.b |= . + 1", """{"a":{"b":1}}""", """{"a":{"b":2}}""")]
    [InlineData(".a |= empty", """{"a":1,"b":2}""", """{"b":2}""")]
    [InlineData(".[] |= select(. > 1)", "[1,2,0,3]", "[2,3]")]
    [InlineData(".a |= (. , 10)", """{"a":1}""", """{"a":1}""")]
    [InlineData(".a -= 1", """{"a":5}""", """{"a":4}""")]
    [InlineData(".a /= 2", """{"a":5}""", """{"a":2.5}""")]
    [InlineData(".a %= 2", """{"a":5}""", """{"a":1}""")]
    [InlineData(".a += .b", """{"a":1,"b":10}""", """{"a":11,"b":10}""")]
    [InlineData(".a //= 3", """{"a":null}""", """{"a":3}""")]
    [InlineData(".a //= 3", """{"a":1}""", """{"a":1}""")]
    [InlineData(".missing += 1", "{}", """{"missing":1}""")]
    [InlineData("(.a, .b) = 0", "{}", """{"a":0,"b":0}""")]
    [InlineData("(.a | .b) = 1", "{}", """{"a":{"b":1}}""")]
    [InlineData(".[] |= (if . > 1 then 0 else . end)", "[1,2]", "[1,0]")]
    [InlineData("(.[] | select(.id == 2) | .v) = \"x\"", """[{"id":1,"v":0},{"id":2,"v":0}]""", """[{"id":1,"v":0},{"id":2,"v":"x"}]""")]
    [InlineData("(.a // .b) = 1", """{"a":null,"b":0}""", """{"a":null,"b":1}""")]
    [InlineData("(.. | numbers) |= . + 1", """{"a":1,"b":[2]}""", """{"a":2,"b":[3]}""")]
    [InlineData(".a.b.c = 1 | .a.b.c += 1", "null", """{"a":{"b":{"c":2}}}""")]
    [InlineData("getpath([\"a\",\"b\"]) |= 3", "{}", """{"a":{"b":3}}""")]
    [InlineData("first(.[]) = 0", "[1,2]", "[0,2]")]
    [InlineData(".a.b = 1 | .a.c = 2 | .a", "{}", """{"b":1,"c":2}""")]
    public void Assigns(string program, string input, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program, input));

    [Theory]
    [InlineData(".a = 1", "[1]", "Cannot index array with \"a\"")]
    [InlineData(".[0] = 1", "{}", "Cannot index object with number")]
    [InlineData(".[-5] = 1", "[1]", "Out of bounds negative array index")]
    [InlineData("1 = 2", "null", "Invalid path expression with result 1")]
    [InlineData("(.a | tostring) = 2", """{"a":1}""", "Invalid path expression with result \"1\"")]
    [InlineData(".b *= 2", """{"b":[1]}""", "array ([1]) and number (2) cannot be multiplied")]
    [InlineData(".a[] |= . + 1", "{}", "Cannot iterate over null")]
    [InlineData(".[1:2] = 3", "[1,2]", "A slice of an array can only be assigned another array")]
    public void Assignment_errors(string program, string input, string message) =>
        Assert.Equal(message, JqRunner.RunError(program, input));
}
