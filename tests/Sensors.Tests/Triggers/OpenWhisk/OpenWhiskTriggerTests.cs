using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Tests.Triggers.Http.Support;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.OpenWhisk;
using Xunit;
using OpenWhiskTriggerSpec = ArgoEvents.Api.V1Alpha1.OpenWhiskTrigger;

namespace ArgoEvents.Sensors.Tests.Triggers.OpenWhisk;

public sealed class OpenWhiskTriggerTests : IDisposable
{
    private readonly SecretsDirectory _secrets = new SecretsDirectory().Write("whisk", "token", "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP");

    public void Dispose() => _secrets.Dispose();

    [Fact]
    public async Task InvokesTheActionBlockingWithBasicAuthAndThePayload_AgainstInTestOpenWhiskApi()
    {
        await using var whisk = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200, """{"greeting":"hello ada"}"""));
        var spec = new OpenWhiskTriggerSpec
        {
            Host = whisk.BaseAddress.AbsoluteUri.TrimEnd('/'),
            ActionName = "hello",
            AuthToken = new SecretKeySelector { Name = "whisk", Key = "token" },
            Payload = [new TriggerParameter { Src = new TriggerParameterSource { DependencyName = "dep", DataKey = "name" }, Dest = "name" }],
        };

        await FireAsync(spec);

        var request = Assert.Single(whisk.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/namespaces/_/actions/hello?blocking=true&result=true", request.PathAndQuery);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP"));
        Assert.Equal(expected, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("""{"name":"ada"}""", request.BodyText);
    }

    [Fact]
    public async Task NamespaceVersionAndPackagedActionsShapeThePath_AgainstInTestOpenWhiskApi()
    {
        await using var whisk = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(202, """{"activationId":"a1"}"""));
        await FireAsync(new OpenWhiskTriggerSpec
        {
            Host = whisk.BaseAddress.AbsoluteUri,
            Version = "v2",
            Namespace = "guest",
            ActionName = "utils/echo",
            Payload = [new TriggerParameter { Src = new TriggerParameterSource { DependencyName = "dep", Value = "x" }, Dest = "v" }],
        });

        var request = Assert.Single(whisk.Requests);
        Assert.Equal("/api/v2/namespaces/guest/actions/utils/echo?blocking=true&result=true", request.PathAndQuery);
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task ANon2xxAnswerFailsWithTheStatusAndBody_AgainstInTestOpenWhiskApi()
    {
        await using var whisk = await InTestHttpServer.StartAsync(InTestHttpServer.Answer(502, """{"error":"The action did not produce a valid response."}"""));
        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => FireAsync(new OpenWhiskTriggerSpec
        {
            Host = whisk.BaseAddress.AbsoluteUri,
            ActionName = "broken",
            Payload = [new TriggerParameter { Src = new TriggerParameterSource { DependencyName = "dep", Value = "x" }, Dest = "v" }],
        }));
        Assert.Contains("HTTP 502", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not produce a valid response", error.Message, StringComparison.Ordinal);
        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLowercaseKeyIsServedAndAHostlessSpecIsRefusedAtCreate()
    {
        var factory = new OpenWhiskTriggerFactory();
        var trigger = new Trigger { Template = new TriggerTemplate { Name = "ow", LowercaseOpenWhisk = new OpenWhiskTriggerSpec { ActionName = "a" } } };
        var error = Assert.Throws<TriggerConfigurationException>(() => factory.Create(trigger, "spec.triggers[3]", _secrets.Services()));
        Assert.Equal("spec.triggers[3].template.openwhisk.host is required.", error.Message);
        Assert.Equal("https://whisk.example/api/v1/namespaces/_/actions/a?blocking=true&result=true", ArgoEvents.Sensors.Triggers.OpenWhisk.OpenWhiskTrigger.InvocationUrl(new OpenWhiskTriggerSpec { Host = "whisk.example", ActionName = "a" }, "x").AbsoluteUri);
    }

    private async Task FireAsync(OpenWhiskTriggerSpec spec)
    {
        var trigger = new Trigger { Template = new TriggerTemplate { Name = "ow", OpenWhisk = spec } };
        await using var created = new OpenWhiskTriggerFactory().Create(trigger, "spec.triggers[0]", _secrets.Services());
        await created.ExecuteAsync(new TriggerInvocation(trigger.Template!, TestEvents.One("dep", """{"name":"ada"}""")), TestContext.Current.CancellationToken);
    }
}
