using Xunit;

namespace ArgoEvents.Api.Tests;

/// <summary>This build's <c>qos</c> extension of the mqtt EventSource: 0 or 1, QoS 2 refused by name.</summary>
public sealed class MqttQosValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n    qos: 0")]
    [InlineData("\n    qos: 1")]
    public void Qos_0_or_1_or_none_is_valid(string qos)
    {
        var es = Manifests.EventSource($"mqtt:\n  e:\n    url: tcp://m:1883\n    topic: t\n    clientId: c{qos}");

        Assert.Empty(es.Validate());
    }

    [Fact]
    public void Qos_1_is_read_into_the_model()
    {
        var es = Manifests.EventSource("mqtt:\n  e:\n    url: tcp://m:1883\n    topic: t\n    clientId: c\n    qos: 1");

        Assert.Equal(1, Assert.IsType<V1Alpha1.MqttEventSource>(Assert.Single(es.Spec.Events).Source).Qos);
    }

    [Theory]
    [InlineData("2", "field 'spec.mqtt.e.qos' must be 0 or 1, got 2: QoS 2 (exactly once between broker and client) is not supported")]
    [InlineData("-1", "field 'spec.mqtt.e.qos' must be 0 or 1, got -1")]
    [InlineData("7", "field 'spec.mqtt.e.qos' must be 0 or 1, got 7")]
    public void Any_other_qos_is_refused_naming_the_field(string qos, string expected)
    {
        var es = Manifests.EventSource($"mqtt:\n  e:\n    url: tcp://m:1883\n    topic: t\n    clientId: c\n    qos: {qos}");

        var error = Assert.Single(es.Validate());

        Assert.Equal("spec.mqtt.e.qos", error.Path);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Location);
    }
}
