using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqOperatorTests
{
    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("null + 1", "1")]
    [InlineData("1 + null", "1")]
    [InlineData("null + null", "null")]
    [InlineData("\"a\" + \"b\"", "\"ab\"")]
    [InlineData("[1] + [2,3]", "[1,2,3]")]
    [InlineData("{\"a\":1,\"b\":1} + {\"b\":2}", """{"a":1,"b":2}""")]
    [InlineData("5 - 7", "-2")]
    [InlineData("[1,2,3,1] - [1]", "[2,3]")]
    [InlineData("2 * 3", "6")]
    [InlineData("\"ab\" * 3", "\"ababab\"")]
    [InlineData("3 * \"ab\"", "\"ababab\"")]
    [InlineData("\"ab\" * 0", "null")]
    [InlineData("\"ab\" * -1", "null")]
    [InlineData("{\"a\":{\"b\":1,\"c\":1}} * {\"a\":{\"c\":2}}", """{"a":{"b":1,"c":2}}""")]
    [InlineData("{\"a\":{\"b\":1}} * {\"a\":2}", """{"a":2}""")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("\"a,b,c\" / \",\"", """["a","b","c"]""")]
    [InlineData("\"\" / \",\"", "[]")]
    [InlineData("7 % 3", "1")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("7.9 % 3.2", "1")]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 2 - 3", "5")]
    [InlineData("-(1 + 2)", "-3")]
    [InlineData("-.a", "-4")]
    [InlineData("(1,2) + (10,20)", "11\n12\n21\n22")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    public void Arithmetic_follows_jq_type_rules(string program, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program, """{"a":4}"""));

    [Theory]
    [InlineData("\"a\" + 1", "string (\"a\") and number (1) cannot be added")]
    [InlineData("{} + []", "object ({}) and array ([]) cannot be added")]
    [InlineData("\"a\" - \"b\"", "string (\"a\") and string (\"b\") cannot be subtracted")]
    [InlineData("[] * 2", "array ([]) and number (2) cannot be multiplied")]
    [InlineData("1 / 0", "number (1) and number (0) cannot be divided because the divisor is zero")]
    [InlineData("1 % 0", "number (1) and number (0) cannot be divided because the divisor is zero")]
    [InlineData("[] / 1", "array ([]) and number (1) cannot be divided")]
    [InlineData("-\"a\"", "string (\"a\") cannot be negated")]
    [InlineData("\"a very long string value\" + 1", "string (\"a very lon...) and number (1) cannot be added")]
    public void Arithmetic_errors_use_jq_messages(string program, string message) =>
        Assert.Equal(message, JqRunner.RunError(program));

    [Theory]
    [InlineData("1 == 1.0", "true")]
    [InlineData("1 != 2", "true")]
    [InlineData("\"a\" < \"b\"", "true")]
    [InlineData("null < false", "true")]
    [InlineData("false < true", "true")]
    [InlineData("true < 0", "true")]
    [InlineData("100 < \"0\"", "true")]
    [InlineData("\"z\" < []", "true")]
    [InlineData("[9] < {}", "true")]
    [InlineData("[1,2] < [1,3]", "true")]
    [InlineData("[1] < [1,0]", "true")]
    [InlineData("{\"a\":2} < {\"b\":1}", "true")]
    [InlineData("{\"a\":1} < {\"a\":2}", "true")]
    [InlineData("{\"a\":1,\"b\":2} == {\"b\":2,\"a\":1}", "true")]
    [InlineData("2 <= 2", "true")]
    [InlineData("3 > 2", "true")]
    [InlineData("2 >= 3", "false")]
    [InlineData("[3,1,2] | sort", "[1,2,3]")]
    [InlineData("[{},[],\"s\",1,true,false,null] | sort", """[null,false,true,1,"s",[],{}]""")]
    public void Comparisons_use_jq_total_order(string program, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program));

    [Theory]
    [InlineData("true and false", "false")]
    [InlineData("true and 1", "true")]
    [InlineData("null or false", "false")]
    [InlineData("0 or false", "true")]
    [InlineData("false and error(\"not evaluated\")", "false")]
    [InlineData("true or error(\"not evaluated\")", "true")]
    [InlineData("(true, false) and true", "true\nfalse")]
    [InlineData("null | not", "true")]
    [InlineData("[] | not", "false")]
    [InlineData("1 == 1 and 2 > 1", "true")]
    public void Boolean_operators_short_circuit(string program, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program));

    [Theory]
    [InlineData(".a // \"d\"", """{"a":1}""", "1")]
    [InlineData(".a // \"d\"", """{"a":null}""", "\"d\"")]
    [InlineData(".a // \"d\"", """{"a":false}""", "\"d\"")]
    [InlineData("(.a[] // 0)", """{"a":[null,2,false,3]}""", "2\n3")]
    [InlineData("(.a[] // 0)", """{"a":[null,false]}""", "0")]
    [InlineData(".a.b // 5", """{"a":"str"}""", "5")]
    [InlineData("empty // 1", "null", "1")]
    [InlineData("1 // 2 // 3", "null", "1")]
    [InlineData("null // false // 3", "null", "3")]
    public void Alternative_operator(string program, string input, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program, input));
}
