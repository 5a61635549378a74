using System.Security.Cryptography.X509Certificates;
using ArgoEvents.EventSources.Protocols.Resp;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

public sealed class RedisTlsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RedisOptions TlsOptions => new() { Port = redis.Server.TlsPort!.Value, UseTls = true };

    [Fact]
    public async Task Tls_with_the_servers_ca_connects_and_pipelines()
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(redis.Server.TlsFiles!.CertificateFile);
        await using var connection = await RedisConnection.ConnectAsync(
            TlsOptions with { TlsCaCertificates = [ca], Database = 3, ClientName = "tls-client" }, Ct);
        var replies = Enumerable.Range(0, 1000).Select(i => connection.ExecuteAsync(["ECHO", i], Ct)).ToArray();
        var echoed = await Task.WhenAll(replies);
        Assert.Equal("999", echoed[^1].AsString());
        Assert.Contains("db=3", (await connection.ExecuteAsync(["CLIENT", "INFO"], Ct)).AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_insecure_skip_verify_connects_without_a_ca()
    {
        await using var connection = await RedisConnection.ConnectAsync(TlsOptions with { TlsInsecureSkipVerify = true }, Ct);
        await connection.PingAsync(Ct);
    }

    [Fact]
    public async Task Tls_with_an_untrusted_certificate_is_a_connection_error()
    {
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(TlsOptions, Ct));
        Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_url_is_read_as_tls()
    {
        var options = RedisOptions.Parse($"rediss://127.0.0.1:{redis.Server.TlsPort}/4") with { TlsInsecureSkipVerify = true };
        await using var connection = await RedisConnection.ConnectAsync(options, Ct);
        Assert.Contains("db=4", (await connection.ExecuteAsync(["CLIENT", "INFO"], Ct)).AsString(), StringComparison.Ordinal);
    }
}
