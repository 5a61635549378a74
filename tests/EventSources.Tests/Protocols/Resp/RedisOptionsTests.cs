using ArgoEvents.EventSources.Protocols.Resp;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

public sealed class RedisOptionsTests
{
    [Fact]
    public void Argo_host_address_and_urls_are_read()
    {
        var plain = RedisOptions.Parse("redis.argo-events.svc:6380");
        Assert.Equal(("redis.argo-events.svc", 6380, false), (plain.Host, plain.Port, plain.UseTls));
        Assert.Equal(6379, RedisOptions.Parse("redis").Port);

        var url = RedisOptions.Parse("rediss://alice:s%40cret@cache.example:7000/3");
        Assert.Equal(("cache.example", 7000, true, "alice", "s@cret", 3), (url.Host, url.Port, url.UseTls, url.UserName, url.Password, url.Database));

        var passwordOnly = RedisOptions.Parse("redis://:pw@h");
        Assert.Equal((null, "pw", 6379), (passwordOnly.UserName, passwordOnly.Password, passwordOnly.Port));
    }

    [Theory]
    [InlineData("host:notaport", "port 'notaport'")]
    [InlineData("http://host:1", "scheme 'http'")]
    [InlineData("redis://host/abc", "database number")]
    public void Bad_addresses_are_refused_naming_the_part(string address, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RedisOptions.Parse(address));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_without_password_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisOptions { UserName = "bob" }.Validate());
        Assert.Contains("UserName 'bob'", error.Message, StringComparison.Ordinal);
    }
}
