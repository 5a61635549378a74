using System.Text.Json.Nodes;
using ArgoEvents.Sensors.Transforms.Jq;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqNumberFormatTests
{
    [Theory]
    [InlineData("2.0", "2")]
    [InlineData("1 / 3", "0.3333333333333333")]
    [InlineData("1e3", "1000")]
    [InlineData("1e17", "100000000000000000")]
    [InlineData("1.5e300", "1.5e+300")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-07")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("100000000000000000000", "100000000000000000000")]
    [InlineData("1e21", "1e+21")]
    [InlineData("infinite", "1.7976931348623157e+308")]
    [InlineData("nan", "null")]
    public void Tostring_formats_like_gojq(string program, string expected) =>
        Assert.Equal($"\"{expected}\"", JqRunner.Run($"{program} | tostring"));

    [Fact]
    public void Integral_results_are_written_as_integers()
    {
        var output = Assert.Single(JqProgram.Parse(".a * 2 | {v: ., h: (. / 4)}").Run(JsonNode.Parse("""{"a":1.5}""")));
        Assert.Equal("""{"h":0.75,"v":3}""", output!.ToJsonString());
    }

    [Fact]
    public void Reads_json_nodes_built_in_code()
    {
        var input = new JsonObject { ["n"] = 5, ["s"] = "x", ["b"] = true, ["d"] = 2.5m, ["arr"] = new JsonArray(1, "y") };
        var output = Assert.Single(JqProgram.Parse("[.n + 1, .s, .b, .d * 2, .arr[1]]").Run(input));
        Assert.Equal("""[6,"x",true,5,"y"]""", output!.ToJsonString());
    }
}
