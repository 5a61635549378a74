using System.Security.Cryptography.X509Certificates;
using System.Text;
using ArgoEvents.Testing.Tls;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Redis;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.ServiceDefaults.Secrets;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Redis;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Redis;

/// <summary>
/// The redis source's <c>tls</c> block (caCertSecret, clientCertSecret, clientKeySecret) against a real redis-server
/// that listens only for TLS and demands a client certificate issued by the test CA (<c>tls-auth-clients yes</c>).
/// </summary>
public sealed class RedisTlsTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string Field = "spec.redis.x";
    private TestCertificates _certificates = null!;
    private TestCertificateAuthority _foreignCa = null!;
    private RedisServerProcess _upstream = null!;
    private BusProbe _probe = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _certificates = TestCertificates.Create("argo-redis-tls-");
        _foreignCa = TestCertificateAuthority.CreateRoot("not-the-redis-ca");
        _upstream = new RedisServerProcess(MutualTls(new RedisTlsFiles(_certificates.ServerCertificateFile, _certificates.ServerKeyFile, _certificates.CaFile)));
        await _upstream.StartAsync(Ct);
        _probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        await _probe.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _upstream.DisposeAsync();
        _foreignCa.Dispose();
        _certificates.Dispose();
    }

    [Fact]
    public async Task With_the_ca_and_a_client_certificate_from_secrets_a_message_reaches_the_bus()
    {
        await using var host = await EventSourceTestHost.StartAsync(
            $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: secure
            spec:
              redis:
                orders:
                  hostAddress: {_upstream.TlsHostAddress}
                  channels: [orders]
                  tls:
                    caCertSecret:
                      name: redis-tls
                      key: ca.crt
                    clientCertSecret:
                      name: redis-tls
                      key: tls.crt
                    clientKeySecret:
                      name: redis-tls
                      key: tls.key
            """,
            bus.ClientUrl,
            secrets: Secrets(),
            sources: Sources());
        await using var client = await RedisConnection.ConnectAsync(PublisherOptions(), Ct);

        var events = await PublishUntilStoredAsync(client, "orders", "over mutual tls", "default.secure.orders");

        Assert.Equal("""{"channel":"orders","pattern":"","body":"over mutual tls"}""", Encoding.UTF8.GetString(events[0].Event.Data.Span));
    }

    [Fact]
    public async Task The_server_refuses_a_client_without_a_certificate_and_the_error_names_the_server()
    {
        var options = Settings(new TlsConfig { CaCertSecret = Selector("ca.crt") });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisSubscriber.ConnectAsync(options, Ct));

        Assert.Contains($"Redis at {_upstream.TlsHostAddress}", error.Message, StringComparison.Ordinal);
        Assert.Contains("requires a client certificate and none was presented", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ca_that_did_not_sign_the_server_certificate_fails_verification_naming_the_server()
    {
        var options = Settings(
            new TlsConfig { CaCertSecret = Selector("foreign-ca.crt"), ClientCertSecret = Selector("tls.crt"), ClientKeySecret = Selector("tls.key") });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisSubscriber.ConnectAsync(options, Ct));

        Assert.Contains($"TLS handshake with Redis at {_upstream.TlsHostAddress} failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("UntrustedRoot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_certificate_for_another_host_fails_verification_naming_the_mismatch()
    {
        var elsewhere = _certificates.Authority.IssueServer("CN=redis.example", "redis.example");
        await using var other = new RedisServerProcess(MutualTls(new RedisTlsFiles(
            _certificates.WriteFile("elsewhere.pem", elsewhere.ChainPem), _certificates.WriteFile("elsewhere-key.pem", elsewhere.KeyPem), _certificates.CaFile)));
        await other.StartAsync(Ct);
        var options = Settings(
            new TlsConfig { CaCertSecret = Selector("ca.crt"), ClientCertSecret = Selector("tls.crt"), ClientKeySecret = Selector("tls.key") },
            other.TlsHostAddress);

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisSubscriber.ConnectAsync(options, Ct));

        Assert.Contains($"TLS handshake with Redis at {other.TlsHostAddress} failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("RemoteCertificateNameMismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insecure_skip_verify_accepts_the_server_but_the_server_still_wants_the_client_certificate()
    {
        var trusting = Settings(new TlsConfig { InsecureSkipVerify = true, ClientCertSecret = Selector("tls.crt"), ClientKeySecret = Selector("tls.key") });
        await using (var subscriber = await RedisSubscriber.ConnectAsync(trusting, Ct))
        {
            await subscriber.PingAsync(Ct);
        }

        var anonymous = Settings(new TlsConfig { InsecureSkipVerify = true });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisSubscriber.ConnectAsync(anonymous, Ct));
        Assert.Contains("requires a client certificate and none was presented", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificates_issued_by_intermediates_are_verified_and_sent_with_their_chains()
    {
        // The server and the client each hold a leaf from their own intermediate; both sides trust only the root.
        using var serverIntermediate = _certificates.Authority.IssueIntermediate("redis-servers");
        using var clientIntermediate = _certificates.Authority.IssueIntermediate("argo-clients");
        var server = serverIntermediate.IssueServer("CN=127.0.0.1", "127.0.0.1");
        var client = clientIntermediate.IssueClient("argo-chained");
        await using var chained = new RedisServerProcess(MutualTls(new RedisTlsFiles(
            _certificates.WriteFile("chained.pem", server.ChainPem), _certificates.WriteFile("chained-key.pem", server.KeyPem), _certificates.CaFile)));
        await chained.StartAsync(Ct);
        var options = Settings(
            new TlsConfig { CaCertSecret = Selector("ca.crt"), ClientCertSecret = Selector("chain.crt"), ClientKeySecret = Selector("chain.key") },
            chained.TlsHostAddress,
            new Dictionary<string, string> { ["redis-tls/chain.crt"] = client.ChainPem, ["redis-tls/chain.key"] = client.KeyPem });

        await using var subscriber = await RedisSubscriber.ConnectAsync(options, Ct);
        await subscriber.SubscribeAsync(["chained"], Ct);
        await subscriber.PingAsync(Ct);
    }

    [Theory]
    [InlineData("issued-by-another-ca", "CN=stranger", "CN=not-the-redis-ca")]
    [InlineData("leaf-without-its-intermediate", "CN=argo-unchained", "CN=argo-clients")]
    public async Task A_client_certificate_the_server_cannot_verify_is_refused_naming_the_certificate(string what, string subject, string issuer)
    {
        using var intermediate = _certificates.Authority.IssueIntermediate("argo-clients");
        var client = what == "issued-by-another-ca" ? _foreignCa.IssueClient("stranger") : intermediate.IssueClient("argo-unchained");
        var options = Settings(
            new TlsConfig { CaCertSecret = Selector("ca.crt"), ClientCertSecret = Selector("client.crt"), ClientKeySecret = Selector("client.key") },
            extraSecrets: new Dictionary<string, string> { ["redis-tls/client.crt"] = client.CertificatePem, ["redis-tls/client.key"] = client.KeyPem });

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisSubscriber.ConnectAsync(options, Ct));

        Assert.Contains($"TLS handshake with Redis at {_upstream.TlsHostAddress} failed", error.Message, StringComparison.Ordinal);
        Assert.Contains($"does not accept the client certificate '{subject}' issued by '{issuer}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ca-not-pem", $"{Field}.tls.caCertSecret: no PEM certificate found")]
    [InlineData("ca-missing", $"{Field}.tls.caCertSecret")]
    [InlineData("key-of-another-certificate", $"{Field}.tls.clientCertSecret/clientKeySecret")]
    [InlineData("certificate-without-key", $"{Field}.tls.clientKeySecret is required")]
    [InlineData("key-without-certificate", $"{Field}.tls.clientCertSecret is required")]
    [InlineData("certificate-not-pem", $"{Field}.tls.clientCertSecret/clientKeySecret")]
    public async Task Tls_settings_that_cannot_work_are_refused_at_start_naming_the_field(string what, string expected)
    {
        var other = _certificates.Authority.IssueClient("someone-else");
        await using var context = await TestSourceContext.StartAsync("refused", bus.ClientUrl, EventSourceTypes.Redis, ["x"], secrets: new Dictionary<string, string>(Secrets())
        {
            ["redis-tls/garbage"] = "not a certificate",
            ["redis-tls/other.key"] = other.KeyPem,
        });
        var tls = what switch
        {
            "ca-not-pem" => new TlsConfig { CaCertSecret = Selector("garbage") },
            "ca-missing" => new TlsConfig { CaCertSecret = Selector("absent") },
            "key-of-another-certificate" => new TlsConfig { ClientCertSecret = Selector("tls.crt"), ClientKeySecret = Selector("other.key") },
            "certificate-without-key" => new TlsConfig { ClientCertSecret = Selector("tls.crt") },
            "key-without-certificate" => new TlsConfig { ClientKeySecret = Selector("tls.key") },
            _ => new TlsConfig { ClientCertSecret = Selector("garbage"), ClientKeySecret = Selector("tls.key") },
        };
        var spec = new RedisEventSource { HostAddress = _upstream.TlsHostAddress, Channels = ["in"], Tls = tls };

        var error = Assert.Throws<InvalidOperationException>(() => new RedisSourceFactory().Create(new NamedEventSource("x", spec), context.Context));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static RedisServerOptions MutualTls(RedisTlsFiles files) => new() { Tls = true, TlsOnly = true, TlsAuthClients = true, TlsFiles = files };

    private static SecretKeySelector Selector(string key) => new() { Name = "redis-tls", Key = key };

    private static SourceRegistry Sources()
    {
        var registry = EventSourceService.DefaultSources();
        return registry.Types.Contains(EventSourceTypes.Redis) ? registry : registry.Add(new RedisSourceFactory());
    }

    private Dictionary<string, string> Secrets() => new()
    {
        ["redis-tls/ca.crt"] = _certificates.CaPem,
        ["redis-tls/tls.crt"] = _certificates.ClientCertificatePem,
        ["redis-tls/tls.key"] = _certificates.ClientKeyPem,
        ["redis-tls/foreign-ca.crt"] = _foreignCa.CertificatePem,
    };

    /// <summary>The options the source would connect with, built by the same code from secrets written as files.</summary>
    private RedisOptions Settings(TlsConfig tls, string? hostAddress = null, Dictionary<string, string>? extraSecrets = null)
    {
        var directory = Path.Combine(_certificates.Directory, "secrets-" + Guid.NewGuid().ToString("N"));
        foreach (var (name, value) in Secrets().Concat(extraSecrets ?? []))
        {
            var file = Path.Combine(directory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, value);
        }

        return RedisClientSettings.Create(hostAddress ?? _upstream.TlsHostAddress, null, null, null, tls, new SecretResolver(directory), Field, "argo-events-tls-test");
    }

    /// <summary>The test's own publisher: the CA and client certificate loaded directly, not through the source's settings.</summary>
    private RedisOptions PublisherOptions() => new()
    {
        Port = _upstream.TlsPort!.Value,
        UseTls = true,
        TlsCaCertificates = [X509Certificate2.CreateFromPem(_certificates.CaPem)],
        TlsClientCertificate = X509Certificate2.CreateFromPem(_certificates.ClientCertificatePem, _certificates.ClientKeyPem),
    };

    /// <summary>Publishes until the bus holds an event: pub/sub drops messages published before the source subscribed.</summary>
    private async Task<List<(string Subject, EventBus.CloudEvents.CloudEvent Event, string? MsgId)>> PublishUntilStoredAsync(
        RedisConnection client, string channel, string body, string busSubject)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await client.ExecuteAsync(["PUBLISH", channel, body], Ct);
            var events = await _probe.WaitForAsync(1, busSubject, TimeSpan.FromMilliseconds(250));
            if (events.Count >= 1)
            {
                return events;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing reached {busSubject}; redis log:\n{_upstream.LogTail()}");
        }
    }
}
