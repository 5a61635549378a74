using System.Diagnostics;
using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.Testing.Redis;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

public sealed class RedisAuthenticationTests : IAsyncLifetime
{
    private readonly RedisServerProcess _server = new(new RedisServerOptions
    {
        Password = "default-secret",
        Users = [new RedisAclUser("argo", "argo-secret")],
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RedisOptions Options => new() { Port = _server.Port };

    public async ValueTask InitializeAsync() => await _server.StartAsync(Ct);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Password_of_the_default_user_is_accepted()
    {
        await using var connection = await RedisConnection.ConnectAsync(Options with { Password = "default-secret" }, Ct);
        Assert.Equal("default", (await connection.ExecuteAsync(["ACL", "WHOAMI"], Ct)).AsString());
    }

    [Fact]
    public async Task Acl_user_and_password_are_accepted_with_database_and_name()
    {
        await using var connection = await RedisConnection.ConnectAsync(
            Options with { UserName = "argo", Password = "argo-secret", Database = 2, ClientName = "acl-client" }, Ct);
        Assert.Equal("argo", (await connection.ExecuteAsync(["ACL", "WHOAMI"], Ct)).AsString());
        Assert.Equal("acl-client", (await connection.ExecuteAsync(["CLIENT", "GETNAME"], Ct)).AsString());
    }

    [Fact]
    public async Task Wrong_password_fails_fast_with_an_authentication_error()
    {
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(
            () => RedisConnection.ConnectAsync(Options with { Password = "nope", Database = 1, ClientName = "x" }, Ct));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal("WRONGPASS", error.ErrorCode);
        Assert.Null(error.UserName);
        Assert.Contains("the default user", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{_server.Port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_user_fails_with_an_authentication_error_naming_the_user()
    {
        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(
            () => RedisConnection.ConnectAsync(Options with { UserName = "mallory", Password = "argo-secret" }, Ct));
        Assert.Equal("WRONGPASS", error.ErrorCode);
        Assert.Equal("mallory", error.UserName);
        Assert.Contains("user 'mallory'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_for_a_known_user_fails_for_the_subscriber_too()
    {
        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(
            () => RedisSubscriber.ConnectAsync(Options with { UserName = "argo", Password = "default-secret" }, Ct));
        Assert.Equal("WRONGPASS", error.ErrorCode);
    }

    [Fact]
    public async Task No_credentials_where_required_fails_on_select_as_authentication()
    {
        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(
            () => RedisConnection.ConnectAsync(Options with { Database = 1 }, Ct));
        Assert.Equal("NOAUTH", error.ErrorCode);

        // Without a handshake command, the first command carries the refusal.
        await using var connection = await RedisConnection.ConnectAsync(Options, Ct);
        var refused = await Assert.ThrowsAsync<RedisServerException>(() => connection.ExecuteAsync(["GET", "k"], Ct));
        Assert.Equal("NOAUTH", refused.ErrorCode);
    }
}
