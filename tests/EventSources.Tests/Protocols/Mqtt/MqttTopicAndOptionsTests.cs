using ArgoEvents.EventSources.Protocols.Mqtt;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Mqtt;

public sealed class MqttTopicAndOptionsTests
{
    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("a/#")]
    [InlineData("a/+/c")]
    [InlineData("+/+/#")]
    [InlineData("/")]
    [InlineData("$SYS/#")]
    public void Valid_topic_filters_pass(string filter) => MqttTopic.EnsureValidFilter(filter);

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("a/#/c", "'#' must be the whole last level")]
    [InlineData("a#", "'#' must be the whole last level")]
    [InlineData("a/b+", "'+' must be a whole level")]
    [InlineData("a/\0", "U+0000")]
    public void Invalid_topic_filters_are_refused_with_the_rule_they_break(string filter, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => MqttTopic.EnsureValidFilter(filter));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_names_refuse_wildcards_and_oversized_names()
    {
        MqttTopic.EnsureValidName("a/b c/ü");
        Assert.Contains("wildcards", Assert.Throws<ArgumentException>(() => MqttTopic.EnsureValidName("a/+")).Message, StringComparison.Ordinal);
        Assert.Contains("more than 65535", Assert.Throws<ArgumentException>(() => MqttTopic.EnsureValidName(new string('x', 65536))).Message, StringComparison.Ordinal);
        MqttTopic.EnsureValidName(new string('x', 65535));
    }

    [Theory]
    [InlineData("tcp://mqtt.argo-events:1883", "mqtt.argo-events", 1883, false)]
    [InlineData("tcp://broker", "broker", 1883, false)]
    [InlineData("mqtt://127.0.0.1:2000", "127.0.0.1", 2000, false)]
    [InlineData("ssl://broker:8884", "broker", 8884, true)]
    [InlineData("tls://broker", "broker", 8883, true)]
    [InlineData("mqtts://[::1]:9000", "::1", 9000, true)]
    public void Argo_broker_urls_parse(string url, string host, int port, bool tls) =>
        Assert.Equal(new MqttBrokerAddress(host, port, tls), MqttBrokerAddress.Parse(url));

    [Theory]
    [InlineData("broker:1883", "not a URL of the form")]
    [InlineData("ws://broker:8080", "WebSocket")]
    [InlineData("http://broker", "scheme 'http'")]
    [InlineData("tcp://broker:1883/path", "no path")]
    [InlineData("tcp://user:pw@broker:1883", "credentials go in auth")]
    public void Unsupported_broker_urls_are_refused(string url, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MqttBrokerAddress.Parse(url));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_that_mqtt_311_cannot_express_are_refused()
    {
        var valid = new MqttOptions { Url = "tcp://127.0.0.1:1883", ClientId = "c" };
        valid.Validate();
        Assert.Contains("empty ClientId needs CleanSession", Refuse(valid with { ClientId = string.Empty, CleanSession = false }), StringComparison.Ordinal);
        Assert.Contains("a Password needs a Username", Refuse(valid with { Password = "p" }), StringComparison.Ordinal);
        Assert.Contains("whole seconds", Refuse(valid with { KeepAlive = TimeSpan.FromMilliseconds(1500) }), StringComparison.Ordinal);
        Assert.Contains("whole seconds", Refuse(valid with { KeepAlive = TimeSpan.FromSeconds(65536) }), StringComparison.Ordinal);
        Assert.Contains("WebSocket", Refuse(valid with { Url = "wss://b" }), StringComparison.Ordinal);
        Assert.Contains("MaxIncomingPacketSize", Refuse(valid with { MaxIncomingPacketSize = RemainingLength.Max + 1 }), StringComparison.Ordinal);
        Assert.Contains("MessageBufferCapacity", Refuse(valid with { MessageBufferCapacity = 0 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_connack_refusal_code_has_its_meaning_in_the_message()
    {
        Assert.Contains("bad user name or password", new MqttConnectionRefusedException(MqttConnectReturnCode.BadUserNameOrPassword, "b").Message, StringComparison.Ordinal);
        Assert.Contains("not authorized", new MqttConnectionRefusedException(MqttConnectReturnCode.NotAuthorized, "b").Message, StringComparison.Ordinal);
        Assert.Contains("identifier rejected", new MqttConnectionRefusedException(MqttConnectReturnCode.IdentifierRejected, "b").Message, StringComparison.Ordinal);
        Assert.Contains("server unavailable", new MqttConnectionRefusedException(MqttConnectReturnCode.ServerUnavailable, "b").Message, StringComparison.Ordinal);
        Assert.Contains("unacceptable protocol version", new MqttConnectionRefusedException(MqttConnectReturnCode.UnacceptableProtocolVersion, "b").Message, StringComparison.Ordinal);
    }

    private static string Refuse(MqttOptions options) => Assert.Throws<ArgumentException>(options.Validate).Message;
}
