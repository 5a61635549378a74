using ArgoEvents.EventBus.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Nats;

public sealed class NatsPrimitivesTests
{
    [Theory]
    [InlineData("nats://127.0.0.1:4222", "127.0.0.1", 4222, false, null, null, null)]
    [InlineData("localhost", "localhost", 4222, false, null, null, null)]
    [InlineData("10.0.0.1:7000", "10.0.0.1", 7000, false, null, null, null)]
    [InlineData("tls://a:pw%40x@host:1", "host", 1, true, "a", "pw@x", null)]
    [InlineData("nats://s3cret@host:2", "host", 2, false, null, null, "s3cret")]
    public void Server_urls_parse(string url, string host, int port, bool tls, string? user, string? password, string? token)
    {
        var address = NatsServerAddress.Parse(url);

        Assert.Equal((host, port, tls, user, password, token), (address.Host, address.Port, address.Tls, address.User, address.Password, address.Token));
    }

    [Fact]
    public void Unknown_scheme_is_refused_with_the_url_named()
    {
        var error = Assert.Throws<ArgumentException>(() => NatsServerAddress.Parse("http://host:4222"));
        Assert.Contains("http://host:4222", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a.\tb")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a..b")]
    public void Invalid_subjects_are_refused(string subject)
    {
        Assert.Throws<NatsProtocolArgumentException>(() => NatsSubject.EnsureValid(subject));
    }

    [Theory]
    [InlineData("a.*", true)]
    [InlineData("a.>", true)]
    [InlineData("*", true)]
    [InlineData("a.b*", false)]
    [InlineData("a.b>c", false)]
    [InlineData("default.webhook.example", false)]
    public void Wildcards_are_whole_tokens(string subject, bool expected)
    {
        Assert.Equal(expected, NatsSubject.HasWildcard(subject));
    }

    [Fact]
    public void Nuids_are_unique_and_22_characters()
    {
        var nuid = new Nuid();
        var seen = new HashSet<string>();
        for (var i = 0; i < 100_000; i++)
        {
            var id = nuid.Next();
            Assert.Equal(22, id.Length);
            Assert.True(seen.Add(id));
        }
    }

    [Fact]
    public void Reconnect_order_tries_the_lost_server_last()
    {
        var pool = new ServerPool(new NatsOptions { Urls = ["nats://h:1", "nats://h:2", "nats://h:3"], Randomize = false });

        var order = pool.ReconnectOrder(NatsServerAddress.Parse("nats://h:2")).Select(a => a.Port);

        Assert.Equal([3, 1, 2], order);
    }

    [Fact]
    public void Discovered_urls_join_the_pool_once()
    {
        var pool = new ServerPool(new NatsOptions { Urls = ["nats://127.0.0.1:1"], Randomize = false });

        pool.AddDiscovered(["127.0.0.1:1", "127.0.0.1:2", "localhost:2", "127.0.0.1:3"], tls: false);

        Assert.Equal([1, 2, 3], pool.Snapshot().Select(a => a.Port));
        Assert.True(pool.Snapshot().Skip(1).All(a => a.Implicit));
    }
}
