using System.Text.Json.Nodes;
using ArgoEvents.Sensors.Transforms.Jq;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms.Jq;

public class JqRobustnessTests
{
    [Fact]
    public void Deeply_nested_programs_are_refused_instead_of_overflowing_the_stack()
    {
        var program = new string('[', 200_000) + new string(']', 200_000);
        Assert.Contains("program nests too deeply", JqRunner.ParseError(program));
    }

    [Fact]
    public void Long_generators_run_without_recursion() =>
        Assert.Equal("99999", JqRunner.Run("last(range(100000))"));

    [Fact]
    public void Runs_concurrently_on_one_parsed_program()
    {
        var program = JqProgram.Parse(".n as $n | [range($n)] | map(. * 2) | add");
        Parallel.For(2, 66, i =>
        {
            var output = Assert.Single(program.Run(JsonNode.Parse($$"""{"n":{{i}}}""")));
            Assert.Equal(i * (i - 1), output!.GetValue<long>());
        });
    }

    [Fact]
    public void Run_does_not_modify_its_input()
    {
        var input = JsonNode.Parse("""{"a":1}""");
        JqProgram.Parse(".a = 2 | .b = 3").Run(input);
        Assert.Equal("""{"a":1}""", input!.ToJsonString());
    }

    [Fact]
    public void Outputs_are_independent_nodes()
    {
        var outputs = JqProgram.Parse(".a, .a").Run(JsonNode.Parse("""{"a":{"x":1}}"""));
        var container = new JsonArray(outputs[0], outputs[1]);
        Assert.Equal("""[{"x":1},{"x":1}]""", container.ToJsonString());
    }
}
