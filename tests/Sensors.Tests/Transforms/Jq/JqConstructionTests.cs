using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqConstructionTests
{
    private const string Input = """{"x":1,"y":"two","a":[1,2],"user":"u","titles":["t1","t2"]}""";

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("1e3", "1000")]
    [InlineData(".5", "0.5")]
    [InlineData("true, false, null", "true\nfalse\nnull")]
    [InlineData("""  "a\"b\\c\/d\n\t\u00e9"  """, "\"a\\\"b\\\\c/d\\n\\té\"")]
    [InlineData("\"\\ud83d\\ude00\" | length", "1")]
    [InlineData("[]", "[]")]
    [InlineData("[1, .x, \"s\"]", "[1,1,\"s\"]")]
    [InlineData("[.a[] * 2]", "[2,4]")]
    [InlineData("[empty]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("{a: .x, \"b\": 1, y}", """{"a":1,"b":1,"y":"two"}""")]
    [InlineData("{\"x\"}", """{"x":1}""")]
    [InlineData("{(.y): 3}", """{"two":3}""")]
    [InlineData("{\"k\\(.x)\": 3}", """{"k1":3}""")]
    [InlineData(". as $v | {$v} | keys", """["v"]""")]
    [InlineData("{if: 1, then: 2}", """{"if":1,"then":2}""")]
    [InlineData("{a: .x | . + 1}", """{"a":2}""")]
    [InlineData("{user, title: .titles[]}", "{\"title\":\"t1\",\"user\":\"u\"}\n{\"title\":\"t2\",\"user\":\"u\"}")]
    [InlineData("{a: (1,2), b: (3,4)} | [.a,.b]", "[1,3]\n[1,4]\n[2,3]\n[2,4]")]
    [InlineData("\"x=\\(.x) y=\\(.y) a=\\(.a)\"", "\"x=1 y=two a=[1,2]\"")]
    [InlineData("\"\\(1 + 2)\\(\"(\")\"", "\"3(\"")]
    [InlineData("\"n: \\(.a[])\"", "\"n: 1\"\n\"n: 2\"")]
    [InlineData("@base64 \"v=\\(.y)\"", "\"v=dHdv\"")]
    [InlineData(".y | @base64", "\"dHdv\"")]
    [InlineData("\"dHdv\" | @base64d", "\"two\"")]
    [InlineData("\"dHc\" | @base64d", "\"tw\"")]
    [InlineData(".a | @json", "\"[1,2]\"")]
    [InlineData(".a | @text", "\"[1,2]\"")]
    [InlineData("""  "<a href='x'>&" | @html  """, "\"&lt;a href=&#39;x&#39;&gt;&amp;\"")]
    [InlineData("\"a b/é\" | @uri", "\"a%20b%2F%C3%A9\"")]
    [InlineData("""  [1,"a\"b",null,true] | @csv  """, "\"1,\\\"a\\\"\\\"b\\\",,true\"")]
    [InlineData("""  [1,"a\tb"] | @tsv  """, "\"1\\ta\\\\tb\"")]
    [InlineData("""  ["it's", 1] | @sh  """, "\"'it'\\\\''s' 1\"")]
    public void Builds_values(string program, string expected) =>
        Assert.Equal(expected, JqRunner.Run(program, Input));

    [Fact]
    public void Object_keys_must_be_strings() =>
        Assert.Equal("Object keys must be strings, not number (1)", JqRunner.RunError("{(.x): 1}", Input));

    [Fact]
    public void Comments_are_ignored() =>
        Assert.Equal("2", JqRunner.Run(".x # the x field\n+ 1", Input));
}

