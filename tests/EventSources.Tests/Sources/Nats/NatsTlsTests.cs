using System.Security.Cryptography.X509Certificates;
using System.Text;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Nats;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Nats;

/// <summary>
/// The nats source's <c>tls</c> block (caCertSecret, clientCertSecret, clientKeySecret) against a real nats-server whose
/// certificate comes from the test CA and which demands a client certificate from it (<c>verify: true</c>).
/// </summary>
public sealed class NatsTlsTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private TestCertificates _certificates = null!;
    private NatsServerProcess _upstream = null!;
    private BusProbe _probe = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _certificates = TestCertificates.Create("argo-nats-tls-");
        _upstream = new NatsServerProcess(new NatsServerOptions
        {
            Tls = new NatsTlsFiles(_certificates.ServerCertificateFile, _certificates.ServerKeyFile) { ClientCaFile = _certificates.CaFile, VerifyClients = true },
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
    public async Task With_the_ca_and_a_client_certificate_from_secrets_a_message_reaches_the_bus_over_mutual_tls()
    {
        await using var host = await EventSourceTestHost.StartAsync(
            $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: secure
            spec:
              nats:
                orders:
                  url: {_upstream.ClientUrl}
                  subject: orders
                  tls:
                    caCertSecret:
                      name: nats-tls
                      key: ca.crt
                    clientCertSecret:
                      name: nats-tls
                      key: tls.crt
                    clientKeySecret:
                      name: nats-tls
                      key: tls.key
            """,
            bus.ClientUrl,
            secrets: new Dictionary<string, string>
            {
                ["nats-tls/ca.crt"] = _certificates.CaPem,
                ["nats-tls/tls.crt"] = _certificates.ClientCertificatePem,
                ["nats-tls/tls.key"] = _certificates.ClientKeyPem,
            },
            sources: Sources());
        using var clientCertificate = ClientCertificate();
        await using var client = await NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_upstream.ClientUrl], TlsCaCertificates = [Authority()], TlsClientCertificate = clientCertificate }, Ct);

        var events = await PublishUntilStoredAsync(client, "orders", "over mutual tls", "default.secure.orders");

        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("over mutual tls"));
        Assert.Equal($$"""{"subject":"orders","body":"{{body}}"}""", Encoding.UTF8.GetString(events[0].Event.Data.Span));
    }

    /// <summary>The service's registry with this type in it, whether or not the build already registers it.</summary>
    private static SourceRegistry Sources()
    {
        var registry = EventSourceService.DefaultSources();
        return registry.Types.Contains(ArgoEvents.Api.V1Alpha1.EventSourceTypes.Nats) ? registry : registry.Add(new NatsSourceFactory());
    }

    private X509Certificate2 Authority() => X509Certificate2.CreateFromPem(_certificates.CaPem);

    private X509Certificate2 ClientCertificate()
    {
        using var pem = X509Certificate2.CreateFromPem(_certificates.ClientCertificatePem, _certificates.ClientKeyPem);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Publishes until the bus holds an event under <paramref name="busSubject"/>: the source subscribes only once this replica leads.</summary>
    private async Task<IReadOnlyList<(string Subject, ArgoEvents.EventBus.CloudEvents.CloudEvent Event, string? MsgId)>> PublishUntilStoredAsync(
        NatsConnection client, string subject, string body, string busSubject)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await client.PublishAsync(subject, Encoding.UTF8.GetBytes(body));
            var events = await _probe.WaitForAsync(1, busSubject, TimeSpan.FromMilliseconds(250));
            if (events.Count >= 1)
            {
                return events;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing reached {busSubject}; upstream log:\n{_upstream.LogTail()}");
        }
    }
}
