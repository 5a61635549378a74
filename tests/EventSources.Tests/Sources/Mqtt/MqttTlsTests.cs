using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.EventSources.Sources.Mqtt;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Mqtt;
using Xunit;
using static ArgoEvents.EventSources.Tests.Protocols.Mqtt.MqttTestBroker;
using static ArgoEvents.EventSources.Tests.Sources.Mqtt.MqttSourceHarness;

namespace ArgoEvents.EventSources.Tests.Sources.Mqtt;

/// <summary>
/// The mqtt source over TLS against a real mosquitto whose TLS listener requires a client certificate signed by the
/// test CA; the secrets carry the CA, the client certificate and its key as PEM.
/// </summary>
public sealed class MqttTlsTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private string _directory = null!;
    private Pems _pems = null!;
    private MosquittoProcess _broker = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("argo-mqtt-source-tls-").FullName;
        _pems = Pems.Create();
        var files = new MosquittoTlsFiles(Path.Combine(_directory, "ca.pem"), Path.Combine(_directory, "server.pem"), Path.Combine(_directory, "server-key.pem"));
        await File.WriteAllTextAsync(files.CaFile, _pems.Ca, Ct);
        await File.WriteAllTextAsync(files.CertificateFile, _pems.ServerCertificate, Ct);
        await File.WriteAllTextAsync(files.KeyFile, _pems.ServerKey, Ct);
        _broker = await StartAsync(new MosquittoOptions { Tls = files, RequireClientCertificate = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task With_the_ca_and_a_client_certificate_from_secrets_messages_flow_over_tls()
    {
        await using var probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        await probe.ResetAsync();

        // The session is found by client id whatever the listener, so the plain one can prepare it.
        await CreateSessionAsync(_broker.Url, "secure-client", "secure");
        await using var host = await EventSourceTestHost.StartAsync(
            Manifest("secure", $"""
                secure:
                  url: {_broker.TlsUrl}
                  topic: secure
                  clientId: secure-client
                  qos: 1
                  jsonBody: true
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
            """),
            bus.ClientUrl,
            secrets: new Dictionary<string, string> { ["tls/ca"] = _pems.Ca, ["tls/cert"] = _pems.ClientCertificate, ["tls/key"] = _pems.ClientKey });
        await using var publisher = await ConnectAsync(_broker.Url, "secure-publisher");
        await publisher.PublishAsync("secure", Encoding.UTF8.GetBytes("""{"over":"tls"}"""), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);

        var events = await WaitForExactlyAsync(probe, 1, "default.secure.secure", _broker);

        Assert.EndsWith("\"body\":{\"over\":\"tls\"}}", Data(events[0].Event), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_client_certificate_the_broker_refuses_and_the_source_fails_naming_the_broker()
    {
        await using var context = await TestSourceContext.StartAsync("nocert", bus.ClientUrl, EventSourceTypes.Mqtt, ["in"], secrets: new Dictionary<string, string> { ["tls/ca"] = _pems.Ca });
        var spec = new MqttEventSource
        {
            Url = _broker.TlsUrl,
            Topic = "secure",
            ClientId = "nocert-client",
            Tls = new TlsConfig { CaCertSecret = new SecretKeySelector { Name = "tls", Key = "ca" } },
            ConnectionBackoff = new Backoff { Steps = 1 },
        };
        var source = new MqttSourceFactory().Create(new NamedEventSource("in", spec), context.Context).Active!;

        var error = await Assert.ThrowsAsync<MqttSourceException>(() => source.RunAsync(Ct));

        Assert.Contains($"ssl://localhost:{_broker.TlsPort}", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 time(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_key_that_is_not_pem_is_refused_naming_the_fields()
    {
        var directory = Directory.CreateTempSubdirectory("argo-mqtt-tls-secrets-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "tls"));
            File.WriteAllText(Path.Combine(directory, "tls", "cert"), _pems.ClientCertificate);
            File.WriteAllText(Path.Combine(directory, "tls", "key"), "not a key");
            var tls = new TlsConfig { ClientCertSecret = new SecretKeySelector { Name = "tls", Key = "cert" }, ClientKeySecret = new SecretKeySelector { Name = "tls", Key = "key" } };

            var error = Assert.Throws<InvalidOperationException>(() => MqttTls.Create(tls, new ArgoEvents.ServiceDefaults.Secrets.SecretResolver(directory), "spec.mqtt.x"));

            Assert.Contains("spec.mqtt.x.tls.clientCertSecret/clientKeySecret", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A throw-away CA, a server certificate for localhost and 127.0.0.1, and a client certificate, as PEM.</summary>
    private sealed record Pems(string Ca, string ServerCertificate, string ServerKey, string ClientCertificate, string ClientKey)
    {
        public static Pems Create()
        {
            using var caKey = RSA.Create(2048);
            var caRequest = new CertificateRequest("CN=argo-mqtt-source-test-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            var (serverPem, serverKeyPem) = Issue(ca, "CN=localhost", server: true);
            var (clientPem, clientKeyPem) = Issue(ca, "CN=argo-mqtt-client", server: false);
            return new Pems(ca.ExportCertificatePem(), serverPem, serverKeyPem, clientPem, clientKeyPem);
        }

        private static (string CertificatePem, string KeyPem) Issue(X509Certificate2 ca, string subject, bool server)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
            if (server)
            {
                var names = new SubjectAlternativeNameBuilder();
                names.AddIpAddress(IPAddress.Loopback);
                names.AddDnsName("localhost");
                request.CertificateExtensions.Add(names.Build());
            }

            using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(12));
            return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
        }
    }
}
