using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class ManifestLoaderTests
{
    private const string WebhookWithTypo = """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: webhook
        spec:
          service:
            ports:
              - port: 12000
                targetPort: 12000
          webhook:
            example:
              endpint: /example
              port: "12000"
              method: POST
        """;

    [Fact]
    public void An_unknown_field_names_file_line_column_and_field_path()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("webhook.yaml", WebhookWithTypo);

        var error = Assert.Single(Assert.Throws<ManifestLoadException>(() => ManifestLoader.LoadFile(file)).Errors);

        Assert.Equal($"{file}:12:7: unknown field 'spec.webhook.example.endpint'", error.ToString());
        Assert.Equal("spec.webhook.example.endpint", error.Path);
        Assert.Equal(new SourceLocation(file, 12, 7), error.Location);
    }

    [Fact]
    public void The_exception_message_lists_every_error_on_its_own_line()
    {
        var yaml = WebhookWithTypo.Replace("method: POST", "methd: POST", StringComparison.Ordinal);

        var exception = Assert.Throws<ManifestLoadException>(() => ManifestLoader.LoadString(yaml, "webhook.yaml"));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("webhook.yaml:12:7: unknown field 'spec.webhook.example.endpint'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("webhook.yaml:14:7: unknown field 'spec.webhook.example.methd'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_value_position()
    {
        var error = Manifests.LoadError("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: es
            spec:
              replicas: abc
            """);

        Assert.Equal("test.yaml:6:13: field 'spec.replicas' must be an integer, got 'abc'", error.ToString());
    }

    [Theory]
    [InlineData("  webhook: hello", "field 'spec.webhook' must be a mapping, got the value 'hello'")]
    [InlineData("  webhook:\n    example:\n      metadata: [a, b]", "field 'spec.webhook.example.metadata' must be a mapping, got a sequence")]
    [InlineData("  service:\n    ports: {port: 80}", "field 'spec.service.ports' must be a sequence, got a mapping")]
    [InlineData("  template:\n    serviceAccountName: {a: b}", "field 'spec.template.serviceAccountName' must be a single value, got a mapping")]
    [InlineData("  webhook:\n    example:\n      jsonBody: maybe", "unknown field 'spec.webhook.example.jsonBody'")]
    [InlineData("  nats:\n    example:\n      jsonBody: maybe", "field 'spec.nats.example.jsonBody' must be true or false, got 'maybe'")]
    [InlineData("  amqp:\n    example:\n      connectionBackoff:\n        factor: twice", "field 'spec.amqp.example.connectionBackoff.factor' must be a number, got 'twice'")]
    [InlineData("  replicas: 99999999999", "field 'spec.replicas' must be an integer, got '99999999999'")]
    public void Wrong_shapes_and_types_are_errors(string spec, string expected)
    {
        var error = Manifests.LoadError("apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata:\n  name: es\nspec:\n" + spec);

        Assert.Equal(expected, error.Message);
        Assert.NotNull(error.Location);
    }

    [Fact]
    public void Numbers_written_where_text_is_expected_are_taken_as_text()
    {
        var es = Manifests.EventSource("""
            webhook:
              example:
                port: 12000
                endpoint: /x
                method: POST
            """);

        Assert.Equal("12000", es.Spec.Webhook["example"].Context.Port);
    }

    [Fact]
    public void Malformed_yaml_names_the_line_and_column_of_the_problem()
    {
        var error = Manifests.LoadError("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: es
              labels: {app: x
            spec: {}
            """);

        Assert.Equal("test.yaml:5:11: malformed YAML: the '{' opened here is never closed", error.ToString());
    }

    [Fact]
    public void A_malformed_yaml_file_names_the_file_line_and_column_of_the_problem()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("broken.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata:\n  name: \"es\nspec:\n  calendar: {}\n");

        var error = Assert.Single(Assert.Throws<ManifestLoadException>(() => ManifestLoader.LoadFile(file)).Errors);

        Assert.Equal(new SourceLocation(file, 4, 9), error.Location);
        Assert.StartsWith("malformed YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_indentation_names_the_line_and_column_where_it_goes_wrong()
    {
        var error = Manifests.LoadError("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: es
                bad: 1
            """);

        Assert.Equal(new SourceLocation("test.yaml", 5, 8), error.Location);
        Assert.Contains("malformed YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_document_file_gives_one_object_per_document_with_its_position()
    {
        var objects = ManifestLoader.LoadString("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventBus
            metadata:
              name: default
            spec:
              jetstream:
                version: latest
            ---
            # a document holding only a comment is skipped
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: cal
            spec:
              calendar:
                tick:
                  interval: 10s
            """, "all.yaml");

        Assert.Equal(2, objects.Count);
        var bus = Assert.IsType<EventBus>(objects[0]);
        var source = Assert.IsType<EventSource>(objects[1]);
        Assert.Equal("latest", bus.Spec.JetStream!.Version);
        Assert.Equal(TimeSpan.FromSeconds(10), source.Spec.Calendar["tick"].Interval!.Value.Value);
        Assert.Equal(0, bus.Source!.DocumentIndex);
        Assert.Equal(2, source.Source!.DocumentIndex);
        Assert.Equal(new SourceLocation("all.yaml", 11, 1), source.Source.Location);
        Assert.Equal(new SourceLocation("all.yaml", 18, 7), source.Source.Locate("spec.calendar.tick.interval"));
    }

    [Fact]
    public void An_error_in_a_later_document_names_its_own_line()
    {
        var error = Manifests.LoadError("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventBus
            metadata:
              name: default
            spec:
              jetstream:
                version: latest
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: EventBus
            metadata:
              name: other
            spec:
              jetstream:
                versoin: latest
            """);

        Assert.Equal("test.yaml:15:5: unknown field 'spec.jetstream.versoin'", error.ToString());
    }

    [Fact]
    public void Sensor_manifests_load_into_the_Sensor_model()
    {
        var sensor = Manifests.LoadSingle<Sensor>("""
            apiVersion: argoproj.io/v1alpha1
            kind: Sensor
            metadata:
              name: webhook
            spec:
              dependencies: []
            """, "sensor.yaml");

        Assert.Equal("webhook", sensor.Metadata.Name);
        Assert.Empty(sensor.Spec.Dependencies);
        Assert.Equal("sensor.yaml", sensor.Source!.Name);
    }

    [Fact]
    public void An_unknown_kind_is_an_error_listing_the_kinds_read()
    {
        var error = Manifests.LoadError("apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: x\n");

        Assert.Equal("test.yaml:2:7: unknown kind 'WorkflowTemplate': this loader reads EventBus, EventSource, Sensor", error.ToString());
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\n", "test.yaml:1:13: field 'apiVersion' must be argoproj.io/v1alpha1, got 'v1'")]
    [InlineData("kind: EventSource\nmetadata:\n  name: x\n", "test.yaml:1:1: field 'apiVersion' is required and must be argoproj.io/v1alpha1")]
    [InlineData("apiVersion: argoproj.io/v1alpha1\nmetadata:\n  name: x\n", "test.yaml:1:1: field 'kind' is required: one of EventBus, EventSource, Sensor")]
    [InlineData("- a\n- b\n", "test.yaml:1:1: document 0 must be a mapping with apiVersion, kind, metadata and spec, got a sequence")]
    public void The_document_header_is_checked(string yaml, string expected)
    {
        Assert.Equal(expected, Manifests.LoadError(yaml).ToString());
    }

    [Fact]
    public void A_duplicate_key_is_an_error_naming_both_places()
    {
        var error = Manifests.LoadError("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: es
            spec:
              calendar:
                tick:
                  interval: 10s
                tick:
                  interval: 20s
            """);

        Assert.Equal("test.yaml:9:5: duplicate key 'tick' (first written at line 7, column 5)", error.ToString());
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_are_resolved()
    {
        var es = Manifests.EventSource("""
            webhook:
              one: &base
                port: "12000"
                method: POST
                endpoint: /one
              two:
                <<: *base
                endpoint: /two
            """);

        Assert.Equal("/two", es.Spec.Webhook["two"].Context.Endpoint);
        Assert.Equal("12000", es.Spec.Webhook["two"].Context.Port);
        Assert.Empty(es.Validate());
    }

    [Fact]
    public void An_alias_to_an_undefined_anchor_is_an_error()
    {
        var error = Manifests.LoadError("apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata: *missing\n");

        Assert.Equal("test.yaml:3:11: alias '*missing' refers to an anchor that is not defined before it", error.ToString());
    }

    [Fact]
    public void Kubernetes_subtrees_are_kept_untyped_and_written_back_as_json()
    {
        var es = Manifests.EventSource("""
            template:
              volumes:
                - name: data
                  emptyDir: {}
                - name: config
                  configMap:
                    name: cm
                    defaultMode: 0o644
                    optional: true
              container:
                resources:
                  limits: {cpu: 500m, memory: 128Mi}
                  requests: {cpu: "1"}
            calendar:
              tick:
                interval: 1m
            """);

        Assert.Equal(
            """[{"name":"data","emptyDir":{}},{"name":"config","configMap":{"name":"cm","defaultMode":420,"optional":true}}]""",
            es.Spec.Template!.Volumes!.ToJsonString());
        Assert.Equal("""{"limits":{"cpu":"500m","memory":"128Mi"},"requests":{"cpu":"1"}}""", es.Spec.Template.Container!.Resources!.ToJsonString());
    }

    [Fact]
    public void Deprecated_fields_of_older_Argo_versions_still_load()
    {
        var es = Manifests.EventSource("""
            type: webhook
            replica: 2
            webhook:
              example:
                port: "12000"
                endpoint: /x
                method: POST
            """);

        Assert.Equal(2, es.Spec.EffectiveReplicas);
        Assert.Equal("webhook", es.Spec.DeprecatedType);
        Assert.Empty(es.Validate());
    }

    [Fact]
    public void A_json_file_loads_with_positions()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bus.json", """
            {
              "apiVersion": "argoproj.io/v1alpha1",
              "kind": "EventBus",
              "metadata": {"name": "default"},
              "spec": {"jetstream": {"version": "2.9.16", "replicas": 3, "colour": "red"}}
            }
            """);

        var error = Assert.Single(Assert.Throws<ManifestLoadException>(() => ManifestLoader.LoadFile(file)).Errors);

        Assert.Equal($"{file}:5:62: unknown field 'spec.jetstream.colour'", error.ToString());
    }

    [Fact]
    public void Malformed_json_names_the_line_and_column()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.json", "{\n  \"apiVersion\": \"argoproj.io/v1alpha1\",\n  \"kind\": \n}\n");

        var error = Assert.Single(Assert.Throws<ManifestLoadException>(() => ManifestLoader.LoadFile(file)).Errors);

        Assert.Equal(4, error.Location!.Line);
        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
    }
}
