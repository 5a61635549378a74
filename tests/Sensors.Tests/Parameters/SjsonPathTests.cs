using System.Text;
using ArgoEvents.Sensors.Parameters.Sjson;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Parameters;

// The sjson behaviours parameters rely on (tidwall/sjson README and Set semantics).
public class SjsonPathTests
{
    private static string SetRaw(string json, string path, string raw) =>
        Encoding.UTF8.GetString(SjsonPath.Compile(path).SetRaw(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(raw)));

    private static string SetString(string json, string path, string value) =>
        Encoding.UTF8.GetString(SjsonPath.Compile(path).SetString(Encoding.UTF8.GetBytes(json), value));

    [Theory]
    [InlineData("", "name", "\"Tom\"", """{"name":"Tom"}""")]
    [InlineData("", "name.last", "\"Anderson\"", """{"name":{"last":"Anderson"}}""")]
    [InlineData("""{"name":{"last":"Anderson"}}""", "name.first", "\"Sara\"", """{"name":{"last":"Anderson","first":"Sara"}}""")]
    [InlineData("""{"name":{"last":"Anderson"}}""", "name.last", "\"Smith\"", """{"name":{"last":"Smith"}}""")]
    [InlineData("""{"friends":["Andy","Carol"]}""", "friends.2", "\"Sara\"", """{"friends":["Andy","Carol","Sara"]}""")]
    [InlineData("""{"friends":["Andy","Carol"]}""", "friends.-1", "\"Sara\"", """{"friends":["Andy","Carol","Sara"]}""")]
    [InlineData("""{"friends":["Andy","Carol"]}""", "friends.4", "\"Sara\"", """{"friends":["Andy","Carol",null,null,"Sara"]}""")]
    [InlineData("""{"friends":["Andy","Carol"]}""", "friends.0", "\"Sara\"", """{"friends":["Sara","Carol"]}""")]
    [InlineData("""{"friends":[]}""", "friends.2", "1", """{"friends":[null,null,1]}""")]
    [InlineData("""{"friends":[]}""", "friends.-1", "1", """{"friends":[1]}""")]
    [InlineData("", "a.2.b", "1", """{"a":[null,null,{"b":1}]}""")]
    [InlineData("", "a.-1.b", "1", """{"a":[{"b":1}]}""")]
    [InlineData("", "-1", "1", """{"-1":1}""")]
    [InlineData("", "0", "1", """[1]""")]
    [InlineData("", "a.:0", "1", """{"a":{"0":1}}""")]
    [InlineData("""{"a":{"0":5}}""", "a.0", "1", """{"a":{"0":1}}""")]
    [InlineData("""{"a":"scalar"}""", "a.b", "1", """{"a":{"b":1}}""")]
    [InlineData("""{"a":7}""", "a.1", "1", """{"a":[null,1]}""")]
    [InlineData("""{"app.token":"x"}""", @"app\.token", "\"y\"", """{"app.token":"y"}""")]
    [InlineData("{}", @"a\.b.c", "1", """{"a.b":{"c":1}}""")]
    [InlineData("""{ "a" : 1 , "b" : [ 1 , 2 ] }""", "b.1", "{\"x\":true}", """{ "a" : 1 , "b" : [ 1 , {"x":true} ] }""")]
    [InlineData("""{"a":1,"a":2}""", "a", "3", """{"a":3,"a":2}""")]
    [InlineData("""{"k\u0041":1}""", "kA", "2", """{"k\u0041":2}""")]
    [InlineData("""{"a":{}}""", "a.b", "{}", """{"a":{"b":{}}}""")]
    public void Sets_like_sjson(string json, string path, string raw, string expected) => Assert.Equal(expected, SetRaw(json, path, raw));

    [Fact]
    public void Strings_are_quoted_and_keys_escaped() =>
        Assert.Equal("""{"we\"ird":"say \"hi\"\t\u0026 \u2028"}""", SetString("{}", "we\"ird", "say \"hi\"\t& \u2028"));

    [Fact]
    public void Plain_ascii_is_not_escaped() => Assert.Equal("""{"a":"<b>&"}""", SetString("{}", "a", "<b>&"));

    [Fact]
    public void Non_numeric_key_in_array_is_refused()
    {
        var e = Assert.Throws<SjsonPathException>(() => SetRaw("""{"a":[1]}""", "a.b", "1"));
        Assert.Contains("cannot set array element for non-numeric key 'b'", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.#.b")]
    [InlineData("friends.#(last==\"Murphy\").first")]
    [InlineData("a|b")]
    [InlineData("a*")]
    [InlineData("@this")]
    public void Unusable_paths_are_refused_at_compile(string path) => Assert.Throws<SjsonPathException>(() => SjsonPath.Compile(path));

    [Fact]
    public void Escaped_query_characters_are_plain_keys() => Assert.Equal("""{"a#b":1}""", SetRaw("{}", @"a\#b", "1"));

    [Fact]
    public void Huge_index_is_refused() => Assert.Throws<SjsonPathException>(() => SetRaw("{}", "a.99999999", "1"));

    [Fact]
    public void Invalid_document_is_reported() =>
        Assert.Contains("not valid JSON", Assert.Throws<SjsonPathException>(() => SetRaw("{\"a\":", "a", "1")).Message);

    [Theory]
    [InlineData("""{"a":{"b":[1,"x"]}}""", "a.b.1", "\"x\"")]
    [InlineData("""{"a":{"b":[1,"x"]}}""", "a.b", "[1,\"x\"]")]
    [InlineData("""{"a": 12 }""", "a", "12")]
    public void Finds_existing_values(string json, string path, string raw)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(SjsonPath.Compile(path).TryFind(bytes, out var start, out var length));
        Assert.Equal(raw, Encoding.UTF8.GetString(bytes, start, length));
    }

    [Theory]
    [InlineData("""{"a":[1]}""", "a.-1")]
    [InlineData("""{"a":[1]}""", "a.1")]
    [InlineData("""{"a":1}""", "a.b")]
    [InlineData("", "a")]
    public void Does_not_find_missing_values(string json, string path) =>
        Assert.False(SjsonPath.Compile(path).TryFind(Encoding.UTF8.GetBytes(json), out _, out _));
}
