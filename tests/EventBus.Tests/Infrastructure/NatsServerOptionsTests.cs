using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

public sealed class NatsServerOptionsTests
{
    public static TheoryData<NatsServerOptions, string> InvalidOptions => new()
    {
        { new NatsServerOptions { ServerName = "has space" }, "ServerName" },
        { new NatsServerOptions { Token = "t", User = "u", Password = "p" }, "Token and User/Password" },
        { new NatsServerOptions { User = "u" }, "User and Password" },
        { new NatsServerOptions { LameDuckDuration = TimeSpan.FromSeconds(5) }, "lame_duck_duration" },
        { new NatsServerOptions { MaxPayload = 65 * 1024 * 1024 }, "MaxPayload" },
        { new NatsServerOptions { Port = 70000 }, "Port" },
        { new NatsServerOptions { Token = "line\nbreak" }, "Token" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_settings_are_refused_with_the_setting_named(NatsServerOptions options, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => new NatsServerProcess(options));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_quotes_secrets_and_lists_every_route()
    {
        var options = new NatsServerOptions
        {
            Token = "a\"b\\c",
            JetStream = true,
            MaxPayload = 2048,
            LameDuckDuration = TimeSpan.FromSeconds(30),
            LameDuckGracePeriod = TimeSpan.FromMilliseconds(1500),
            Cluster = new NatsRoutingOptions { Name = "c1", RoutePort = 7001, Routes = [7001, 7002] },
        };

        var text = NatsConfigFile.Render(options, "n1", 4000, 8000, "/tmp/store");

        Assert.Contains("authorization { token: \"a\\\"b\\\\c\" }", text, StringComparison.Ordinal);
        Assert.Contains("max_payload: 2048", text, StringComparison.Ordinal);
        Assert.Contains("lame_duck_duration: \"30000ms\"", text, StringComparison.Ordinal);
        Assert.Contains("lame_duck_grace_period: \"1500ms\"", text, StringComparison.Ordinal);
        Assert.Contains("routes: [ \"nats-route://127.0.0.1:7001\", \"nats-route://127.0.0.1:7002\" ]", text, StringComparison.Ordinal);
        Assert.Contains("store_dir: \"/tmp/store\"", text, StringComparison.Ordinal);
    }
}
