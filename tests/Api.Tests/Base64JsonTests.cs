using System.Text;
using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class Base64JsonTests
{
    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void The_pod_env_form_written_by_Argo_loads_without_apiVersion_and_kind()
    {
        // The shape Go's json.Marshal gives: empty strings and nulls for unset fields, server-set metadata, status.
        const string json = """
            {"metadata":{"name":"calendar","namespace":"argo-events","uid":"0b1c","resourceVersion":"42","generation":3,
            "creationTimestamp":"2024-01-02T03:04:05Z","labels":{"app":"cal"},"managedFields":[{"manager":"kubectl"}]},
            "spec":{"eventBusName":"default","template":{"container":{"resources":{}}},"replicas":2,
            "calendar":{"example":{"schedule":"","interval":"10s","timezone":"","persistence":null,"filter":null}},
            "nats":null},"status":{"conditions":[{"type":"Deployed","status":"True"}]}}
            """;

        var es = ManifestLoader.LoadFromBase64Json<EventSource>(Base64(json), "EVENTSOURCE_OBJECT");

        Assert.Equal(ArgoObject.GroupVersion, es.ApiVersion);
        Assert.Equal("EventSource", es.Kind);
        Assert.Equal("argo-events", es.Metadata.Namespace);
        Assert.Equal(3, es.Metadata.Generation);
        Assert.Equal(TimeSpan.FromSeconds(10), es.Spec.Calendar["example"].Interval!.Value.Value);
        Assert.Equal("", es.Spec.Calendar["example"].Schedule);
        Assert.Equal("EVENTSOURCE_OBJECT", es.Source!.Name);
        Assert.Empty(es.Validate());
    }

    [Fact]
    public void ToBase64Json_round_trips_through_the_env_form()
    {
        var original = Manifests.EventSource("""
            replicas: 2
            service:
              ports:
                - port: 12000
                  targetPort: http
            webhook:
              example:
                port: "12000"
                endpoint: /example
                method: POST
                maxPayloadSize: 2048
            amqp:
              queue:
                url: amqp://x
                exchangeName: e
                exchangeType: fanout
                routingKey: k
                connectionBackoff: {duration: 1000000000, factor: 1.5, jitter: 0.2, steps: 3}
            """);

        var copy = ManifestLoader.LoadFromBase64Json(original.ToBase64Json());

        var es = Assert.IsType<EventSource>(copy);
        Assert.Equal(original.ToJson(), es.ToJson());
        Assert.Equal(IntOrString.FromText("http"), es.Spec.Service!.Ports[0].TargetPort);
        Assert.Equal(1_000_000_000, es.Spec.Amqp["queue"].ConnectionBackoff!.Duration!.Value.Nanoseconds);
        Assert.Equal(2048, es.Spec.Webhook["example"].Context.MaxPayloadSize);
    }

    [Fact]
    public void Without_a_known_kind_the_env_form_needs_apiVersion_and_kind()
    {
        var error = Assert.Single(Assert.Throws<ManifestLoadException>(() =>
            ManifestLoader.LoadFromBase64Json(Base64("""{"metadata":{"name":"x"},"spec":{}}"""), "EVENTSOURCE_OBJECT")).Errors);

        Assert.Equal("EVENTSOURCE_OBJECT:1:1: field 'apiVersion' is required and must be argoproj.io/v1alpha1", error.ToString());
    }

    [Fact]
    public void A_kind_that_contradicts_the_expected_one_is_an_error()
    {
        var json = """{"apiVersion":"argoproj.io/v1alpha1","kind":"EventBus","metadata":{"name":"x"},"spec":{}}""";

        var error = Assert.Single(Assert.Throws<ManifestLoadException>(() =>
            ManifestLoader.LoadFromBase64Json<EventSource>(Base64(json), "EVENTSOURCE_OBJECT")).Errors);

        Assert.Equal("EVENTSOURCE_OBJECT:1:45: field 'kind' must be EventSource here, got 'EventBus'", error.ToString());
    }

    [Fact]
    public void Unknown_fields_in_the_env_form_are_errors_with_their_position()
    {
        var json = """{"metadata":{"name":"x"},"spec":{"webhook":{"e":{"port":"1","prot":"2"}}}}""";

        var error = Assert.Single(Assert.Throws<ManifestLoadException>(() =>
            ManifestLoader.LoadFromBase64Json<EventSource>(Base64(json), "EVENTSOURCE_OBJECT")).Errors);

        Assert.Equal("EVENTSOURCE_OBJECT:1:61: unknown field 'spec.webhook.e.prot'", error.ToString());
    }

    [Theory]
    [InlineData("not base64!", "EVENTSOURCE_OBJECT: the value is not valid base64")]
    [InlineData("eyJtZXRhZGF0YSI6", "malformed JSON")]
    public void Garbage_is_reported_clearly(string value, string expected)
    {
        var error = Assert.Single(Assert.Throws<ManifestLoadException>(() =>
            ManifestLoader.LoadFromBase64Json<EventSource>(value, "EVENTSOURCE_OBJECT")).Errors);

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
