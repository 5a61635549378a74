using System.Text;
using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class SensorLoadingTests
{
    private const string Header = "apiVersion: argoproj.io/v1alpha1\nkind: Sensor\nmetadata:\n  name: s\nspec:\n";

    [Fact]
    public void An_unknown_field_names_file_line_and_column()
    {
        var error = Manifests.LoadError(Header + """
              dependencies:
                - name: d
                  eventSourceName: webhook
                  eventNmae: example
            """, "sensor.yaml");

        Assert.Equal("sensor.yaml:9:7: unknown field 'spec.dependencies[0].eventNmae'", error.ToString());
    }

    [Fact]
    public void An_unknown_field_deep_in_a_trigger_names_file_line_and_column()
    {
        var error = Manifests.LoadError(Header + """
              triggers:
                - template:
                    name: t
                    http:
                      url: http://x
                      methd: GET
            """, "sensor.yaml");

        Assert.Equal("sensor.yaml:11:11: unknown field 'spec.triggers[0].template.http.methd'", error.ToString());
    }

    [Fact]
    public void A_value_of_the_wrong_shape_names_file_line_and_column()
    {
        var error = Manifests.LoadError(Header + """
              dependencies:
                name: d
            """, "sensor.yaml");

        Assert.StartsWith("sensor.yaml:7:5: field 'spec.dependencies' must be a sequence", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_file_line_and_column()
    {
        var error = Manifests.LoadError(Header + """
              triggers:
                - template: {name: t, log: {}}
                  atLeastOnce: sometimes
            """, "sensor.yaml");

        Assert.Equal("sensor.yaml:8:20: field 'spec.triggers[0].atLeastOnce' must be true or false, got 'sometimes'", error.ToString());
    }

    [Fact]
    public void Malformed_yaml_names_file_line_and_column()
    {
        var error = Manifests.LoadError(Header + "  dependencies: [\n", "sensor.yaml");

        Assert.StartsWith("sensor.yaml:", error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(error.Location);
    }

    [Theory]
    [InlineData("k8s: {source: {resource: {kind: Pod}}}", TriggerType.Kubernetes)]
    [InlineData("argoWorkflow: {operation: submit, source: {resource: {kind: Workflow}}}", TriggerType.ArgoWorkflow)]
    [InlineData("http: {url: http://x}", TriggerType.Http)]
    [InlineData("awsLambda: {functionName: f, region: r}", TriggerType.AwsLambda)]
    [InlineData("custom: {serverURL: s}", TriggerType.Custom)]
    [InlineData("kafka: {url: k, topic: t}", TriggerType.Kafka)]
    [InlineData("nats: {url: n, subject: s}", TriggerType.Nats)]
    [InlineData("slack: {channel: c}", TriggerType.Slack)]
    [InlineData("openWhisk: {host: h, actionName: a}", TriggerType.OpenWhisk)]
    [InlineData("openwhisk: {host: h, actionName: a}", TriggerType.OpenWhisk)]
    [InlineData("log: {}", TriggerType.Log)]
    [InlineData("azureEventHubs: {fqdn: f, hubName: h}", TriggerType.AzureEventHubs)]
    [InlineData("azureServiceBus: {queueName: q}", TriggerType.AzureServiceBus)]
    [InlineData("pulsar: {url: p, topic: t}", TriggerType.Pulsar)]
    [InlineData("email: {host: h}", TriggerType.Email)]
    public void A_trigger_template_knows_its_type(string body, TriggerType expected)
    {
        var sensor = Manifests.LoadSingle<Sensor>(Header + $"  triggers:\n    - template: {{name: t, {body}}}\n");

        var template = sensor.Spec.Triggers[0].Template!;

        Assert.Equal(expected, template.Type);
        Assert.Equal([expected], template.DefinedTypes);
    }

    [Fact]
    public void A_template_with_two_types_has_no_single_type()
    {
        var sensor = Manifests.LoadSingle<Sensor>(Header + "  triggers:\n    - template: {name: t, log: {}, http: {url: u}}\n");

        var template = sensor.Spec.Triggers[0].Template!;

        Assert.Null(template.Type);
        Assert.Equal(["http", "log"], template.DefinedTypeKeys);
    }

    [Fact]
    public void Every_field_is_read_into_the_model()
    {
        var sensor = Manifests.LoadSingle<Sensor>(Header + """
              eventBusName: bus
              replicas: 2
              revisionHistoryLimit: 3
              errorOnFailedRound: true
              loggingFields: {team: a}
              template: {serviceAccountName: sa}
              dependencies:
                - name: dep
                  eventSourceName: webhook
                  eventName: example
                  filtersLogicalOperator: or
                  transform: {jq: ".a", script: "return event"}
                  filters:
                    time: {start: "09:00:00", stop: "17:00:00", timezone: Europe/Paris}
                    context: {type: webhook, source: es, subject: example, datacontenttype: application/json}
                    data: [{path: body.x, type: number, value: ["1", "2"], comparator: ">=", template: "{{ .Input }}"}]
                    exprs: [{expr: "a > 1", fields: [{name: a, path: body.a}]}]
                    dataLogicalOperator: and
                    exprLogicalOperator: or
                    script: "return true"
              triggers:
                - template:
                    name: t
                    conditions: dep
                    conditionsReset: [{byTime: {cron: "0 0 * * *", timezone: UTC}}]
                    k8s:
                      operation: patch
                      patchStrategy: application/json-patch+json
                      source:
                        resource:
                          apiVersion: v1
                          kind: Pod
                          spec: {containers: [{name: c, image: busybox}]}
                  parameters:
                    - src: {dependencyName: dep, dataKey: body.a, value: fallback, useRawData: true}
                      dest: k8s.source.resource.metadata.name
                      operation: append
                  policy: {k8s: {labels: {done: "true"}, backoff: {duration: 1s, steps: 3}, errorOnBackoffTimeout: true}}
                  retryStrategy: {steps: 3, duration: 1000000000, factor: 2, jitter: 0.1}
                  rateLimit: {unit: Minute, requestsPerUnit: 10}
                  atLeastOnce: true
                  dlqTrigger:
                    atLeastOnce: true
                    template: {name: dlq, log: {intervalSeconds: 5}}
            """);

        Assert.Empty(sensor.Validate());
        var spec = sensor.Spec;
        Assert.Equal(("bus", 2, 3, true, "a"), (spec.EffectiveEventBusName, spec.EffectiveReplicas, spec.RevisionHistoryLimit, spec.ErrorOnFailedRound, spec.LoggingFields["team"]));
        var dependency = Assert.Single(spec.Dependencies);
        Assert.Equal("Europe/Paris", dependency.Filters!.Time!.Timezone);
        Assert.Equal(["1", "2"], dependency.Filters.Data[0].Value);
        Assert.Equal("body.a", dependency.Filters.Exprs[0].Fields[0].Path);
        Assert.Equal(".a", dependency.Transform!.Jq);
        var trigger = Assert.Single(spec.Triggers);
        Assert.Equal("patch", trigger.Template!.K8s!.EffectiveOperation);
        var resource = Assert.IsType<ManifestMapping>(trigger.Template.K8s.Source!.Resource);
        Assert.Contains(resource.Entries, e => e.Key.Value == "kind");
        Assert.Equal("append", trigger.Parameters[0].EffectiveOperation);
        Assert.True(trigger.Parameters[0].Src!.UseRawData);
        Assert.Equal(1_000_000_000, trigger.RetryStrategy!.Duration!.Value.Nanoseconds);
        Assert.Equal(10, trigger.RateLimit!.RequestsPerUnit);
        Assert.Equal(5, trigger.DlqTrigger!.Template!.Log!.IntervalSeconds);
        Assert.Equal("true", trigger.Policy!.K8s!.Labels["done"]);
    }

    [Fact]
    public void The_base64_json_round_trip_is_lossless()
    {
        var original = Manifests.LoadSingle<Sensor>(Header + """
              dependencies:
                - {name: dep, eventSourceName: webhook, eventName: example, filters: {data: [{path: a, type: bool, value: ["true"]}]}}
              triggers:
                - template:
                    name: t
                    http:
                      url: http://x
                      payload: [{src: {dependencyName: dep, value: ""}, dest: a}]
                      headers: {X-A: b}
                      secureHeaders: [{name: auth, valueFrom: {secretKeyRef: {name: s, key: k}}}]
                      timeout: 10
                  retryStrategy: {duration: 2s, steps: 2}
                  policy: {status: {allow: [200, 201]}}
            """);

        var copy = ManifestLoader.LoadFromBase64Json<Sensor>(original.ToBase64Json(), "SENSOR_OBJECT");

        Assert.Equal(original.ToJson(), copy.ToJson());
        Assert.Equal("", copy.Spec.Triggers[0].Template!.Http!.Payload[0].Src!.Value);
        Assert.Equal([200, 201], copy.Spec.Triggers[0].Policy!.Status!.Allow);
        Assert.Equal("SENSOR_OBJECT", copy.Source!.Name);
    }

    [Fact]
    public void The_pod_env_form_loads_without_apiVersion_and_kind_when_the_kind_is_known()
    {
        const string json = """
            {"metadata":{"name":"s","namespace":"argo-events","uid":"1"},"spec":{"dependencies":[{"name":"d",
            "eventSourceName":"es","eventName":"e","filters":null}],"triggers":[{"template":{"name":"t","log":{}}}],
            "template":{"container":{"resources":{}}},"eventBusName":"default","loggingFields":null},
            "status":{"conditions":[{"type":"Deployed","status":"True"}]}}
            """;

        var sensor = ManifestLoader.LoadFromBase64Json<Sensor>(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), "SENSOR_OBJECT");

        Assert.Equal(Sensor.KindName, sensor.Kind);
        Assert.Equal(TriggerType.Log, sensor.Spec.Triggers[0].Template!.Type);
        Assert.Empty(sensor.Validate());
    }
}
