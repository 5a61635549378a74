using System.Text.Json;
using ArgoEvents.Sensors.Filters.Gjson;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

public class GjsonPathTests
{
    private const string Doc = """
        {
          "name": {"first": "Tom", "last": "Anderson"},
          "age": 37,
          "big": 1.50e2,
          "children": ["Sara", "Alex", "Jack"],
          "fav.movie": "Deer Hunter",
          "flag": true,
          "off": false,
          "nothing": null,
          "numstr": "2.0",
          "boolstr": "T",
          "friends": [
            {"first": "Dale", "last": "Murphy", "age": 44, "nets": ["ig", "fb", "tw"]},
            {"first": "Roger", "last": "Craig", "age": 68, "nets": ["fb", "tw"]},
            {"first": "Jane", "last": "Murphy", "age": 47, "nets": ["ig", "tw"]}
          ]
        }
        """;

    private static GjsonResult Get(string path, string json = Doc)
    {
        var doc = JsonDocument.Parse(json);
        return GjsonPath.Compile(path).Get(doc.RootElement);
    }

    [Theory]
    [InlineData("name.last", "Anderson")]
    [InlineData("age", "37")]
    [InlineData("big", "1.50e2")]
    [InlineData("children", """["Sara", "Alex", "Jack"]""")]
    [InlineData("children.#", "3")]
    [InlineData("children.1", "Alex")]
    [InlineData("child*.2", "Jack")]
    [InlineData("c?ildren.0", "Sara")]
    [InlineData("fav\\.movie", "Deer Hunter")]
    [InlineData("friends.#.first", """["Dale","Roger","Jane"]""")]
    [InlineData("friends.1.last", "Craig")]
    [InlineData("friends.#(last==\"Murphy\").first", "Dale")]
    [InlineData("friends.#(last==\"Murphy\")#.first", """["Dale","Jane"]""")]
    [InlineData("friends.#(age>45)#.last", """["Craig","Murphy"]""")]
    [InlineData("friends.#(age>=47).first", "Roger")]
    [InlineData("friends.#(first%\"D*\").last", "Murphy")]
    [InlineData("friends.#(first!%\"D*\").last", "Craig")]
    [InlineData("friends.#(nets.#(==\"fb\"))#.first", """["Dale","Roger"]""")]
    [InlineData("friends.#(first)#.age", "[44,68,47]")]
    [InlineData("flag", "true")]
    [InlineData("off", "false")]
    [InlineData("nothing", "")]
    [InlineData("[age,name.first]", """[37,"Tom"]""")]
    [InlineData("{age,name.first,\"kids\":children.#}", """{"age":37,"first":"Tom","kids":3}""")]
    [InlineData("[age,missing]", "[37]")]
    public void Paths_resolve_like_gjson(string path, string expected) => Assert.Equal(expected, Get(path).ToString());

    [Theory]
    [InlineData("missing")]
    [InlineData("name.middle")]
    [InlineData("children.5")]
    [InlineData("age.x")]
    [InlineData("friends.#(last==\"Nobody\").first")]
    [InlineData("")]
    [InlineData("name.#")]
    public void Missing_paths_do_not_exist(string path) => Assert.False(Get(path).Exists);

    [Fact]
    public void Empty_path_selects_the_empty_key() => Assert.Equal("hi", Get("", """{"":"hi"}""").ToString());

    [Fact]
    public void Query_all_without_matches_exists_as_empty_array()
    {
        var r = Get("friends.#(age>100)#");
        Assert.True(r.Exists);
        Assert.Equal("[]", r.ToString());
    }

    [Fact]
    public void Conversions_follow_gjson()
    {
        Assert.Equal(37, Get("age").ToDouble());
        Assert.Equal(2.0, Get("numstr").ToDouble());
        Assert.Equal(0, Get("name.first").ToDouble());
        Assert.Equal(1, Get("flag").ToDouble());
        Assert.Equal(3, Get("children.#").ToDouble());
        Assert.True(Get("flag").ToBoolean());
        Assert.False(Get("off").ToBoolean());
        Assert.True(Get("boolstr").ToBoolean());
        Assert.True(Get("age").ToBoolean());
        Assert.False(Get("name.first").ToBoolean());
        Assert.False(Get("nothing").ToBoolean());
        Assert.Equal(GjsonType.Null, Get("nothing").Type);
        Assert.Equal(GjsonType.Json, Get("name").Type);
    }

    [Fact]
    public void Value_returns_typed_graph()
    {
        Assert.Equal("Tom", Get("name.first").ToValue());
        Assert.Equal(37.0, Get("age").ToValue());
        Assert.Equal(true, Get("flag").ToValue());
        Assert.Null(Get("nothing").ToValue());
        var map = Assert.IsType<Dictionary<string, object?>>(Get("name").ToValue());
        Assert.Equal("Anderson", map["last"]);
        var list = Assert.IsType<List<object?>>(Get("friends.#.age").ToValue());
        Assert.Equal([44.0, 68.0, 47.0], list);
    }

    [Fact]
    public void Escaped_strings_convert()
    {
        var r = Get("s", """{"s":"a\"b\u00e9"}""");
        Assert.Equal("a\"bé", r.ToString());
        Assert.True(r.IsMatch(new System.Text.RegularExpressions.Regex("b\u00e9$")));
    }

    [Theory]
    [InlineData("a.@reverse")]
    [InlineData("a|b")]
    [InlineData("..a")]
    [InlineData("a.")]
    [InlineData("a..b")]
    [InlineData("a.#(b==\"c\"")]
    [InlineData("[a,b].c")]
    public void Unsupported_or_malformed_paths_are_refused(string path)
    {
        var e = Assert.Throws<GjsonPathException>(() => GjsonPath.Compile(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argo_multipath_case()
    {
        // filter_data_test: multipath with a query, matched by a regex against the assembled array.
        const string json = """{"k":"v","k1":{"a":[{"k2":"v1"},{"k2":"v2"}]}}""";
        var r = Get("[k,k1.a.#(k2==\"v2\").k2]", json);
        Assert.Equal("""["v","v2"]""", r.ToString());
    }
}
