using System.Text;
using ArgoEvents.Sensors.Parameters;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Parameters;

// Argo's TestRenderDataAsJSON and go-yaml v2 scalar typing as ghodss/yaml.YAMLToJSON applies it.
public class YamlDataJsonTests
{
    private static string Convert(string yaml)
    {
        var json = YamlDataJson.TryConvert(yaml, out var error);
        Assert.Null(error);
        return Encoding.UTF8.GetString(json!);
    }

    [Fact]
    public void Argos_yaml_case() => Assert.Equal("""{"age":20,"name":"test"}""", Convert("age: 20\nname: test\n"));

    [Fact]
    public void Keys_are_sorted_like_go_maps() => Assert.Equal("""{"a":1,"b":{"p":"1","q":[true,null]}}""", Convert("b:\n  q: [on, ~]\n  p: '1'\na: 1\n"));

    [Fact]
    public void Yaml_1_1_boolean_words_are_booleans_even_as_keys() => Assert.Equal("""{"false":2,"true":1}""", Convert("y: 1\nn: 2\n"));

    [Theory]
    [InlineData("v: yes", """{"v":true}""")]
    [InlineData("v: Off", """{"v":false}""")]
    [InlineData("v: 0x1F", """{"v":31}""")]
    [InlineData("v: 0o17", """{"v":15}""")]
    [InlineData("v: 017", """{"v":15}""")]
    [InlineData("v: 0b101", """{"v":5}""")]
    [InlineData("v: 1_000", """{"v":1000}""")]
    [InlineData("v: 1.50", """{"v":1.5}""")]
    [InlineData("v: 1e3", """{"v":1000}""")]
    [InlineData("v: 1e21", """{"v":1e+21}""")]
    [InlineData("v: 0.0000001", """{"v":1e-7}""")]
    [InlineData("v: 18446744073709551615", """{"v":18446744073709551615}""")]
    [InlineData("v: \"yes\"", """{"v":"yes"}""")]
    [InlineData("v: !!str 12", """{"v":"12"}""")]
    [InlineData("v: 1.2.3", """{"v":"1.2.3"}""")]
    [InlineData("1: a\ntrue: b", """{"1":"a","true":"b"}""")]
    [InlineData("", "null")]
    public void Scalars_are_typed_as_go_yaml_v2_does(string yaml, string json) => Assert.Equal(json, Convert(yaml));

    [Fact]
    public void Infinity_cannot_become_json()
    {
        Assert.Null(YamlDataJson.TryConvert("v: .inf", out var error));
        Assert.Equal("failed converting yaml event data to JSON: json: unsupported value: +Inf", error);
    }

    [Fact]
    public void Malformed_yaml_is_reported()
    {
        Assert.Null(YamlDataJson.TryConvert("a: [1, 2", out var error));
        Assert.StartsWith("failed converting yaml event data to JSON: ", error);
    }
}
