using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Sources.Amqp;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.RabbitMq;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Amqp;

/// <summary>
/// The amqp source over TLS against a real rabbitmq-server node that only speaks TLS on its listener and requires a
/// client certificate signed by the test CA.
/// </summary>
public sealed class AmqpTlsTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private TestCertificates _files = null!;
    private RabbitMqServerProcess _broker = null!;
    private int _tlsPort;

    public async ValueTask InitializeAsync()
    {
        _files = TestCertificates.Create("argo-amqp-tls-");
        _tlsPort = FreePorts.Next();
        _broker = new RabbitMqServerProcess(new RabbitMqServerOptions
        {
            ExtraConfig =
            [
                $"listeners.ssl.default = 127.0.0.1:{_tlsPort}",
                $"ssl_options.cacertfile = {_files.CaFile}",
                $"ssl_options.certfile = {_files.ServerCertificateFile}",
                $"ssl_options.keyfile = {_files.ServerKeyFile}",
                "ssl_options.verify = verify_peer",
                "ssl_options.fail_if_no_peer_cert = true",
            ],
        });
        await _broker.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task With_the_ca_and_a_client_certificate_from_secrets_messages_flow_over_tls()
    {
        await using var probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        await probe.ResetAsync();
        await using var host = await EventSourceTestHost.StartAsync(
            $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: secure
            spec:
              amqp:
                secure:
                  url: amqp://127.0.0.1:{_tlsPort}
                  exchangeName: secure-x
                  exchangeType: fanout
                  routingKey: r
                  queueDeclare:
                    name: secure-q
                  tls:
                    caCertSecret:
                      name: tls
                      key: ca
                    clientCertSecret:
                      name: tls
                      key: cert
                    clientKeySecret:
                      name: tls
                      key: key
            """,
            bus.ClientUrl,
            secrets: new Dictionary<string, string> { ["tls/ca"] = _files.CaPem, ["tls/cert"] = _files.ClientCertificatePem, ["tls/key"] = _files.ClientKeyPem });

        // The plain listener serves the publisher; the source is on the TLS one.
        await using var client = await AmqpTestClient.ConnectAsync(_broker.AmqpUrl);
        await client.WaitForQueueAsync("secure-q");
        await client.PublishAsync("secure-x", "r", """{"over":"tls"}""");
        var events = await probe.WaitForAsync(1, "default.secure.secure", TimeSpan.FromSeconds(20));

        Assert.Contains("\"body\":\"eyJvdmVyIjoidGxzIn0=\"", Encoding.UTF8.GetString(Assert.Single(events).Event.Data.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-client-certificate", "tls.clientCertSecret and clientKeySecret")]
    [InlineData("server-not-trusted", "remote certificate was rejected")]
    public async Task Without_what_the_tls_peers_require_the_connection_fails(string what, string expected)
    {
        await using var context = await TestSourceContext.StartAsync("tls", bus.ClientUrl, EventSourceTypes.Amqp, ["x"], secrets: new Dictionary<string, string>
        {
            ["tls/ca"] = _files.CaPem,
            ["tls/cert"] = _files.ClientCertificatePem,
            ["tls/key"] = _files.ClientKeyPem,
        });
        var ca = new SecretKeySelector { Name = "tls", Key = "ca" };
        var certificate = new SecretKeySelector { Name = "tls", Key = "cert" };
        var key = new SecretKeySelector { Name = "tls", Key = "key" };
        var tls = what == "no-client-certificate"
            ? new TlsConfig { CaCertSecret = ca }
            : new TlsConfig { Enabled = true, ClientCertSecret = certificate, ClientKeySecret = key };
        var spec = new AmqpEventSource
        {
            Url = $"amqp://127.0.0.1:{_tlsPort}",
            ExchangeName = "x",
            ExchangeType = "fanout",
            RoutingKey = "r",
            Tls = tls,
            ConnectionBackoff = new Backoff { Steps = 1 },
        };
        var source = new AmqpSourceFactory().Create(new NamedEventSource("x", spec), context.Context).Active!;

        var error = await Assert.ThrowsAsync<AmqpConnectionException>(() => source.RunAsync(TestContext.Current.CancellationToken));

        Assert.Contains("1 time(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
