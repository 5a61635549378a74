using System.Text.Json;
using ArgoEvents.Sensors.Templates;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Templates;

public class GoValuesTests
{
    private static object? From(string json)
    {
        using var document = JsonDocument.Parse(json);
        return GoValues.FromJson(document.RootElement);
    }

    [Fact]
    public void Every_json_number_is_a_float64()
    {
        Assert.Equal(1.0, Assert.IsType<double>(From("1")));
        Assert.Equal(2.5, Assert.IsType<double>(From("2.5")));
        Assert.Equal(1e21, Assert.IsType<double>(From("1e21")));
    }

    [Fact]
    public void Objects_arrays_and_scalars_map_to_the_go_value_model()
    {
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(From("""{"s":"x","t":true,"f":false,"n":null,"l":[1,"a"],"o":{}}"""));
        Assert.Equal("x", map["s"]);
        Assert.Equal(true, map["t"]);
        Assert.Equal(false, map["f"]);
        Assert.Null(map["n"]);
        var list = Assert.IsAssignableFrom<IReadOnlyList<object?>>(map["l"]);
        Assert.Equal([1.0, "a"], list);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(map["o"]));
    }

    [Fact]
    public void Duplicate_keys_keep_the_last_value_as_go_does() =>
        Assert.Equal(2.0, Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(From("""{"a":1,"a":2}"""))["a"]);

    [Fact]
    public void Executing_a_simple_pipeline_allocates_only_the_results()
    {
        var template = GoTemplate.Parse("{{ .Input.a | upper }}");
        var dot = new Dictionary<string, object?> { ["Input"] = new Dictionary<string, object?> { ["a"] = "some value" } };
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("SOME VALUE", template.Execute(dot));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        const int Runs = 1000;
        for (var i = 0; i < Runs; i++)
        {
            template.Execute(dot);
        }

        // Two strings of ten characters (upper's result and the output) are about 90 bytes; nothing else per run.
        var perRun = (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;
        Assert.True(perRun <= 100, $"allocated {perRun} bytes per execution");
    }
}
