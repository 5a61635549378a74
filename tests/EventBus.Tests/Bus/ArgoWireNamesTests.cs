using ArgoEvents.EventBus.Bus;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Bus;

public sealed class ArgoWireNamesTests
{
    [Theory]
    [InlineData("", 2166136261u)]
    [InlineData("a", 3826002220u)]
    [InlineData("foobar", 3214735720u)]
    public void Fnv32a_matches_the_reference_vectors(string text, uint expected)
    {
        Assert.Equal(expected, ArgoWireNames.Fnv32a(text));
    }

    [Fact]
    public void Consumer_name_is_group_and_the_decimal_hash_of_sensor_trigger_dependency()
    {
        var expected = "group-" + ArgoWireNames.Fnv32a("webhook-sensor-http-trigger-test-dep");

        Assert.Equal(expected, ArgoWireNames.ConsumerName("webhook-sensor", "http-trigger", "test-dep"));
        Assert.NotEqual(ArgoWireNames.ConsumerName("s", "t", "d1"), ArgoWireNames.ConsumerName("s", "t", "d2"));
    }

    [Fact]
    public void Subject_is_default_source_event()
    {
        Assert.Equal("default.webhook.example", ArgoWireNames.Subject("webhook", "example"));
    }

    [Theory]
    [InlineData("my.source", "example", "EventSource name 'my.source'")]
    [InlineData("webhook", "a*", "event name 'a*'")]
    [InlineData("webhook", "a>", "event name 'a>'")]
    [InlineData("webhook", "has space", "event name 'has space'")]
    [InlineData("", "example", "EventSource name must not be empty")]
    public void Names_that_cannot_be_one_subject_token_are_refused_by_name(string source, string eventName, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ArgoWireNames.Subject(source, eventName));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
