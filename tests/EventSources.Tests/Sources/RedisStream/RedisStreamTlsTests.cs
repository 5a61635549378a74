using System.Security.Cryptography.X509Certificates;
using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.RedisStream;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Redis;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.RedisStream;

/// <summary>
/// The redisStream source's <c>tls</c> block against a real redis-server that listens only for TLS and demands a
/// client certificate issued by the test CA.
/// </summary>
public sealed class RedisStreamTlsTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private TestCertificates _certificates = null!;
    private RedisServerProcess _upstream = null!;
    private BusProbe _probe = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _certificates = TestCertificates.Create("argo-redis-stream-tls-");
        _upstream = new RedisServerProcess(new RedisServerOptions
        {
            Tls = true,
            TlsOnly = true,
            TlsAuthClients = true,
            TlsFiles = new RedisTlsFiles(_certificates.ServerCertificateFile, _certificates.ServerKeyFile, _certificates.CaFile),
        });
        await _upstream.StartAsync(Ct);
        _probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        await _probe.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _upstream.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task With_the_ca_and_a_client_certificate_from_secrets_an_entry_reaches_the_bus_and_is_acknowledged()
    {
        await using var host = await StartAsync("""
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
            """);
        await using var client = await RedisConnection.ConnectAsync(PublisherOptions(), Ct);
        await WaitForGroupAsync(client);

        var id = await client.StreamAddAsync("orders", [("over", "mutual tls")], cancellationToken: Ct);
        var events = await _probe.WaitForAsync(1, "default.secure-stream.orders", TimeSpan.FromSeconds(15));

        Assert.Equal(
            $$$"""{"stream":"orders","message_id":"{{{id}}}","values":{"over":"mutual tls"}}""",
            Encoding.UTF8.GetString(Assert.Single(events).Event.Data.Span));
        Assert.Equal(0, (await client.PendingSummaryAsync("orders", RedisStreamSourceOptions.DefaultConsumerGroup, Ct)).Count);
    }

    [Fact]
    public async Task Without_a_client_certificate_the_source_never_gets_a_group_created()
    {
        await using var host = await StartAsync("""
                  tls:
                    caCertSecret:
                      name: redis-tls
                      key: ca.crt
            """);
        await using var client = await RedisConnection.ConnectAsync(PublisherOptions(), Ct);

        // The source's connection attempts are refused during the TLS handshake, so the stream it would create stays absent.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);

        Assert.Equal(0, (await client.ExecuteAsync(["EXISTS", "orders"], Ct)).Integer);
        Assert.Empty(await _probe.ReadAllAsync("default.secure-stream.>"));
    }

    private static async Task WaitForGroupAsync(RedisConnection client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                if ((await client.ExecuteAsync(["XINFO", "GROUPS", "orders"], Ct)).Count > 0)
                {
                    return;
                }
            }
            catch (RedisServerException)
            {
                // The source has not created the stream yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "the source did not create its group on 'orders' over TLS");
            await Task.Delay(50, Ct);
        }
    }

    private static SourceRegistry Sources()
    {
        var registry = EventSourceService.DefaultSources();
        return registry.Types.Contains(EventSourceTypes.RedisStream) ? registry : registry.Add(new RedisStreamSourceFactory());
    }

    private Task<EventSourceTestHost> StartAsync(string tls) => EventSourceTestHost.StartAsync(
        $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: secure-stream
        spec:
          redisStream:
            orders:
              hostAddress: {_upstream.TlsHostAddress}
              streams: [orders]
        {tls}
        """,
        bus.ClientUrl,
        secrets: new Dictionary<string, string>
        {
            ["redis-tls/ca.crt"] = _certificates.CaPem,
            ["redis-tls/tls.crt"] = _certificates.ClientCertificatePem,
            ["redis-tls/tls.key"] = _certificates.ClientKeyPem,
        },
        sources: Sources(),
        cancellationToken: Ct);

    /// <summary>The test's own client: the CA and client certificate loaded directly, not through the source's settings.</summary>
    private RedisOptions PublisherOptions() => new()
    {
        Port = _upstream.TlsPort!.Value,
        UseTls = true,
        TlsCaCertificates = [X509Certificate2.CreateFromPem(_certificates.CaPem)],
        TlsClientCertificate = X509Certificate2.CreateFromPem(_certificates.ClientCertificatePem, _certificates.ClientKeyPem),
    };
}
