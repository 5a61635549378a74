using System.Text;
using System.Text.Json;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Tests.Triggers.Http.Support;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.Http;
using Microsoft.AspNetCore.Http;
using Xunit;
using HttpTriggerSpec = ArgoEvents.Api.V1Alpha1.HttpTrigger;

namespace ArgoEvents.Sensors.Tests.Triggers.Http;

public sealed class HttpTriggerTests : IDisposable
{
    private const string EventJson = """{"name":"ada","count":3,"trace":"abc-123"}""";

    private readonly SecretsDirectory _secrets = new();

    public void Dispose() => _secrets.Dispose();

    [Fact]
    public async Task PostsThePayloadAsJsonWithHeadersSecureHeadersAndBasicAuth_AgainstInTestHttpServer()
    {
        _secrets.Write("creds", "user", "alice").Write("creds", "password", "s3cret").Write("api", "token", "tok-42");
        await using var server = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200));
        var spec = new HttpTriggerSpec
        {
            Url = new Uri(server.BaseAddress, "hook?x=1").AbsoluteUri,
            Payload = [Param("dep", "name", "user.name"), Param("dep", "count", "n")],
            Headers = new Dictionary<string, string> { ["X-Static"] = "fixed" },
            SecureHeaders = [new SecureHeader { Name = "X-Api-Token", ValueFrom = new ValueFromSource { SecretKeyRef = Secret("api", "token") } }],
            BasicAuth = new BasicAuth { Username = Secret("creds", "user"), Password = Secret("creds", "password") },
        };

        await FireAsync(spec);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hook?x=1", request.PathAndQuery);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("fixed", request.Header("X-Static"));
        Assert.Equal("tok-42", request.Header("X-Api-Token"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret")), request.Header("Authorization"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("ada", body.RootElement.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("3", body.RootElement.GetProperty("n").GetString());
    }

    [Fact]
    public async Task GetWithoutPayloadSendsNoBodyAndAHeaderContentTypeWins_AgainstInTestHttpServer()
    {
        await using var server = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(204));
        await FireAsync(new HttpTriggerSpec { Url = server.BaseAddress.AbsoluteUri, Method = "GET" });
        var get = Assert.Single(server.Requests);
        Assert.Equal("GET", get.Method);
        Assert.Empty(get.Body);
        Assert.Null(get.Header("Content-Type"));

        await using var second = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200));
        await FireAsync(new HttpTriggerSpec
        {
            Url = second.BaseAddress.AbsoluteUri,
            Method = "PUT",
            Payload = [Param("dep", "name", "who")],
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/vnd.test+json" },
        });
        var put = Assert.Single(second.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal("application/vnd.test+json", put.Header("Content-Type"));
        Assert.Equal("""{"who":"ada"}""", put.BodyText);
    }

    [Fact]
    public async Task DynamicHeadersComeFromTheEventAndHostReplacesTheHostHeader_AgainstInTestHttpServer()
    {
        await using var server = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200));
        await FireAsync(new HttpTriggerSpec
        {
            Url = server.BaseAddress.AbsoluteUri,
            Host = "virtual.example",
            Headers = new Dictionary<string, string> { ["X-Trace"] = "static" },
            DynamicHeaders = [Param("dep", "trace", "X-Trace"), Param("dep", "count", "X-Count")],
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal("abc-123", request.Header("X-Trace"));
        Assert.Equal("3", request.Header("X-Count"));
        Assert.Equal("virtual.example", request.Header("Host"));
    }

    [Fact]
    public async Task TypeLevelParametersRewriteTheUrlPerFiring_AgainstInTestHttpServer()
    {
        await using var server = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200));
        var spec = new HttpTriggerSpec
        {
            Url = new Uri(server.BaseAddress, "default").AbsoluteUri,
            Parameters =
            [
                new TriggerParameter
                {
                    Src = new TriggerParameterSource { DependencyName = "dep", DataTemplate = server.BaseAddress.AbsoluteUri + "users/{{ .Input.name }}" },
                    Dest = "url",
                },
            ],
        };

        await FireAsync(spec);

        Assert.Equal("/users/ada", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task AnyStatusSucceedsWithoutAPolicyButMustBeListedWithOne_AgainstInTestHttpServer()
    {
        await using var server = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(500));
        var spec = new HttpTriggerSpec { Url = server.BaseAddress.AbsoluteUri };

        await FireAsync(spec);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(
            () => FireAsync(spec, new TriggerPolicy { Status = new StatusPolicy { Allow = [200, 201] } }));
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Contains("[200, 201]", error.Message, StringComparison.Ordinal);

        await using var created = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(201));
        await FireAsync(spec with { Url = created.BaseAddress.AbsoluteUri }, new TriggerPolicy { Status = new StatusPolicy { Allow = [200, 201] } });
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ASlowServerTimesOutAfterTheSpecTimeout_AgainstInTestHttpServer()
    {
        await using var server = await InTestHttpServer.StartAsync(async (context, _) => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => FireAsync(new HttpTriggerSpec { Url = server.BaseAddress.AbsoluteUri, Timeout = 1 }));
        Assert.Contains("timed out after 1s", error.Message, StringComparison.Ordinal);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task ARefusedConnectionIsAnExecutionError()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => FireAsync(new HttpTriggerSpec { Url = $"http://127.0.0.1:{port}/x" }));
        Assert.Contains($"POST http://127.0.0.1:{port}/x failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsTrustsTheCaFromItsSecretAndSendsTheClientCertificate_AgainstInTestHttpsServer()
    {
        using var certificates = TestCertificates.Create();
        _secrets.Write("tls", "ca", certificates.CaPem).Write("tls", "cert", certificates.ClientCertPem).Write("tls", "key", certificates.ClientKeyPem);
        await using var server = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200), certificates.Server, requireClientCertificate: true);
        var url = $"https://127.0.0.1:{server.BaseAddress.Port}/secure";

        await FireAsync(new HttpTriggerSpec
        {
            Url = url,
            Tls = new TlsConfig { CaCertSecret = Secret("tls", "ca"), ClientCertSecret = Secret("tls", "cert"), ClientKeySecret = Secret("tls", "key") },
        });

        Assert.Equal("CN=httptrig-client", Assert.Single(server.Requests).ClientCertificateSubject);
    }

    [Fact]
    public async Task TlsRefusesAnUntrustedServerUnlessVerificationIsSkipped_AgainstInTestHttpsServer()
    {
        using var certificates = TestCertificates.Create();
        await using var server = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200), certificates.Server);
        var url = $"https://127.0.0.1:{server.BaseAddress.Port}/secure";

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => FireAsync(new HttpTriggerSpec { Url = url, Tls = new TlsConfig { Enabled = true } }));
        Assert.Contains("failed", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        await FireAsync(new HttpTriggerSpec { Url = url, Tls = new TlsConfig { InsecureSkipVerify = true } });
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SecureHeadersReadConfigMapsFromTheirMountDirectory_AgainstInTestHttpServer()
    {
        var configMaps = Directory.CreateTempSubdirectory("httptrig-config-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(configMaps, "settings"));
            await File.WriteAllTextAsync(Path.Combine(configMaps, "settings", "tenant"), "blue\n");
            await using var server = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200));
            var spec = new HttpTriggerSpec
            {
                Url = server.BaseAddress.AbsoluteUri,
                SecureHeaders = [new SecureHeader { Name = "X-Tenant", ValueFrom = new ValueFromSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "settings", Key = "tenant" } } }],
            };

            await FireAsync(spec, factory: new HttpTriggerFactory { ConfigMapsDirectory = configMaps });

            Assert.Equal("blue", Assert.Single(server.Requests).Header("X-Tenant"));
        }
        finally
        {
            Directory.Delete(configMaps, recursive: true);
        }
    }

    [Fact]
    public void AMissingSecretOrABadUrlIsRefusedAtCreate()
    {
        var factory = new HttpTriggerFactory();
        var missing = Assert.Throws<TriggerConfigurationException>(() => factory.Create(
            Wrap(new HttpTriggerSpec { Url = "http://127.0.0.1:1/", BasicAuth = new BasicAuth { Username = Secret("nope", "user") } }),
            "spec.triggers[0]",
            _secrets.Services()));
        Assert.Contains("spec.triggers[0].template.http.basicAuth.username", missing.Message, StringComparison.Ordinal);

        var badUrl = Assert.Throws<TriggerConfigurationException>(() => factory.Create(Wrap(new HttpTriggerSpec { Url = "ftp://host/x" }), "spec.triggers[2]", _secrets.Services()));
        Assert.Contains("spec.triggers[2].template.http.url", badUrl.Message, StringComparison.Ordinal);

        _secrets.Write("tls", "cert", "not a certificate");
        var onlyCertificate = Assert.Throws<TriggerConfigurationException>(() => factory.Create(
            Wrap(new HttpTriggerSpec { Url = "https://127.0.0.1:1/", Tls = new TlsConfig { ClientCertSecret = Secret("tls", "cert") } }),
            "spec.triggers[3]",
            _secrets.Services()));
        Assert.Contains("spec.triggers[3].template.http.tls.clientKeySecret", onlyCertificate.Message, StringComparison.Ordinal);
    }

    internal static TriggerParameter Param(string dependency, string dataKey, string dest) =>
        new() { Src = new TriggerParameterSource { DependencyName = dependency, DataKey = dataKey }, Dest = dest };

    internal static SecretKeySelector Secret(string name, string key) => new() { Name = name, Key = key };

    private static Trigger Wrap(HttpTriggerSpec spec, TriggerPolicy? policy = null) =>
        new() { Template = new TriggerTemplate { Name = "http-trigger", Http = spec }, Policy = policy };

    private async Task FireAsync(HttpTriggerSpec spec, TriggerPolicy? policy = null, HttpTriggerFactory? factory = null)
    {
        var trigger = Wrap(spec, policy);
        await using var created = (factory ?? new HttpTriggerFactory()).Create(trigger, "spec.triggers[0]", _secrets.Services());
        await created.ExecuteAsync(new TriggerInvocation(trigger.Template!, TestEvents.One("dep", EventJson)), TestContext.Current.CancellationToken);
    }
}
