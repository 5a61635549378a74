using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Transforms;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Transforms;

/// <summary>A dependency's transform as the runtime applies it: jq wins over script; the result is Go's JSON of a map.</summary>
public sealed class DependencyTransformTests
{
    [Fact]
    public void Jq_OfTheCorpus_DoublesTheMessage_AndRewritesAsGoDoes()
    {
        using var transform = DependencyTransform.Create(new EventDependencyTransformer { Jq = ".body.message *= 2" }, "transform")!;
        var result = transform.Apply(Event("""{"header":{"X":["<a&b>"]},"body":{"message":"hi"}}""", "text/plain"));
        Assert.Equal("""{"body":{"message":"hihi"},"header":{"X":["\u003ca\u0026b\u003e"]}}""", Encoding.UTF8.GetString(result.Data.Span));
        Assert.Equal("application/json", result.Context.DataContentType);
    }

    [Fact]
    public void Script_OfTheCorpus_UpdatesTheMessage()
    {
        using var transform = DependencyTransform.Create(new EventDependencyTransformer { Script = "event.body.message='updated'\nreturn event" }, "transform")!;
        var result = transform.Apply(Event("""{"body":{"message":"hi","n":1}}"""));
        Assert.Equal("""{"body":{"message":"updated","n":1}}""", Encoding.UTF8.GetString(result.Data.Span));
    }

    [Fact]
    public void Jq_TakesPrecedenceOverScript()
    {
        using var transform = DependencyTransform.Create(new EventDependencyTransformer { Jq = ".a = 1", Script = "return {a=2}" }, "transform")!;
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(transform.Apply(Event("{}")).Data.Span));
    }

    [Fact]
    public void AnEventWithoutData_PassesUnchanged()
    {
        using var transform = DependencyTransform.Create(new EventDependencyTransformer { Jq = ".a = 1" }, "transform")!;
        var original = Event(string.Empty);
        Assert.Same(original, transform.Apply(original));
    }

    [Theory]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("not json", "not JSON")]
    public void Jq_OnDataThatIsNotAnObject_Fails(string data, string expected)
    {
        using var transform = DependencyTransform.Create(new EventDependencyTransformer { Jq = "." }, "transform")!;
        var e = Assert.Throws<TransformException>(() => transform.Apply(Event(data)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jq_ProducingANonObject_Fails()
    {
        using var transform = DependencyTransform.Create(new EventDependencyTransformer { Jq = ".a" }, "transform")!;
        var e = Assert.Throws<TransformException>(() => transform.Apply(Event("""{"a":1}""")));
        Assert.Contains("output must be a JSON object", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".a +", "spec.dependencies[0].transform.jq")]
    [InlineData(null, "spec.dependencies[0].transform.script")]
    public void AProgramThatDoesNotCompile_IsRefusedNamingTheField(string? jq, string field)
    {
        var spec = new EventDependencyTransformer { Jq = jq, Script = jq is null ? "return (" : null };
        var e = Assert.Throws<ArgumentException>(() => DependencyTransform.Create(spec, "spec.dependencies[0].transform"));
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
    }

    private static SensorEvent Event(string data, string contentType = "application/json") =>
        new(new SensorEventContext("id", "es", "1.0", "webhook", contentType, "e", DateTimeOffset.UnixEpoch), Encoding.UTF8.GetBytes(data));
}
