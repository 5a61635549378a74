using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.Kubernetes;
using Xunit;
using static ArgoEvents.Sensors.Tests.Triggers.Kubernetes.TriggerTestKit;

namespace ArgoEvents.Sensors.Tests.Triggers.Kubernetes;

public sealed class KubernetesTriggerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ITrigger> CreateAsync(Trigger trigger, InTestKubernetesApiServer? server)
    {
        await Task.Yield();
        return new KubernetesTriggerFactory().Create(trigger, "spec.triggers[0]", Services(server));
    }

    [Fact]
    public async Task CreatesThePodOfArgosExampleWithItsParameter_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = CorpusTrigger("trigger-standard-k8s-resource.yaml");
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger, """{"body":"hello from the event"}"""), Ct);

        var pod = Assert.Single(server.All("v1", "pods"));
        Assert.StartsWith("hello-world-", pod["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(SensorNamespace, pod["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("hello from the event", pod["spec"]!["containers"]![0]!["args"]![0]!.GetValue<string>());
        var labels = pod["metadata"]!["labels"]!.AsObject();
        Assert.Equal("test-sensor", labels["events.argoproj.io/sensor"]!.GetValue<string>());
        Assert.Equal("webhook-pod-trigger", labels["events.argoproj.io/trigger"]!.GetValue<string>());
        Assert.True(long.Parse(labels["events.argoproj.io/action-timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > 1_600_000_000_000);
        Assert.Contains(server.Requests, r => r is { Method: "GET", Path: "/api/v1" });
        var post = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Equal("/api/v1/namespaces/argo-events/pods", post.Path);
        Assert.Equal($"Bearer {InTestKubernetesApiServer.Token}", post.Authorization);
    }

    [Fact]
    public async Task CreatesFromInlineYamlInTheObjectsOwnNamespaceAndDiscoversThePluralOnce_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger("""
            k8s:
              source:
                inline: |
                  apiVersion: apps/v1
                  kind: Deployment
                  metadata:
                    generateName: web-
                    namespace: team-a
                  spec:
                    replicas: 1
              parameters:
                - src:
                    dependencyName: test-dep
                    dataKey: replicas
                    useRawData: true
                  dest: spec.replicas
            """);
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger, """{"replicas":4}"""), Ct);
        await k8s.ExecuteAsync(Invocation(trigger, """{"replicas":5}"""), Ct);

        var deployments = server.All("apps/v1", "deployments");
        Assert.Equal(2, deployments.Count);
        Assert.Equal([4, 5], deployments.Select(d => d["spec"]!["replicas"]!.GetValue<int>()).Order());
        Assert.All(server.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("/apis/apps/v1/namespaces/team-a/deployments", r.Path));
        Assert.Single(server.Requests, r => r is { Method: "GET", Path: "/apis/apps/v1" });
    }

    [Fact]
    public async Task CreatesFromArgosFileSourceExampleReadingTheFileAtEachFiring_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"k8strig-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: from-file
            spec:
              entrypoint: whalesay
            """, Ct);
        try
        {
            var trigger = CorpusTrigger("trigger-source-file.yaml", text => text.Replace("/workflows/hello_world.yaml", file, StringComparison.Ordinal));
            await using var k8s = await CreateAsync(trigger, server);

            await k8s.ExecuteAsync(Invocation(trigger), Ct);

            var workflow = server.Find("argoproj.io/v1alpha1", "workflows", SensorNamespace, "from-file");
            Assert.NotNull(workflow);
            Assert.Equal("whalesay", workflow["spec"]!["entrypoint"]!.GetValue<string>());
            Assert.Contains(server.Requests, r => r is { Method: "GET", Path: "/apis/argoproj.io/v1alpha1" });

            File.Delete(file);
            var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());
            Assert.Contains("spec.triggers[0].template.k8s.source.file", error.Message, StringComparison.Ordinal);
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CreatesFromArgosConfigMapSourceExampleReadThroughTheApi_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        server.Store("v1", "configmaps", SensorNamespace, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "workflow-cm", ["namespace"] = SensorNamespace },
            ["data"] = new JsonObject { ["wf"] = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: cm-\nspec:\n  entrypoint: main\n" },
        });
        var trigger = CorpusTrigger("trigger-source-configmap.yaml");
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger), Ct);

        var workflow = Assert.Single(server.All("argoproj.io/v1alpha1", "workflows"));
        Assert.StartsWith("cm-", workflow["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r is { Method: "GET", Path: "/api/v1/namespaces/argo-events/configmaps/workflow-cm" });
    }

    [Fact]
    public async Task FailsWithTheStatusMessageWhenTheConfigMapIsMissing_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = CorpusTrigger("trigger-source-configmap.yaml");
        await using var k8s = await CreateAsync(trigger, server);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("spec.triggers[0].template.k8s.source.configmap", error.Message, StringComparison.Ordinal);
        Assert.Contains("argo-events/workflow-cm does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingATakenNameFromInlineJsonFailsWithTheServersConflictStatus_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger("""
            k8s:
              source:
                inline: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "once"}, "data": {"a": "1"}}'
            """);
        await using var k8s = await CreateAsync(trigger, server);
        await k8s.ExecuteAsync(Invocation(trigger), Ct);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("409", error.Message, StringComparison.Ordinal);
        Assert.Contains("configmaps \"once\" already exists", error.Message, StringComparison.Ordinal);
        Assert.Contains("AlreadyExists", error.Message, StringComparison.Ordinal);
        Assert.Equal("1", server.Find("v1", "configmaps", SensorNamespace, "once")!["data"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateFoldsTheObjectIntoTheLiveOneAndReplacesItAtItsResourceVersion_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        server.Store("v1", "configmaps", SensorNamespace, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "settings", ["namespace"] = SensorNamespace, ["labels"] = new JsonObject { ["team"] = "a" } },
            ["data"] = new JsonObject { ["kept"] = "yes", ["changed"] = "old" },
        });
        var storedVersion = server.Find("v1", "configmaps", SensorNamespace, "settings")!["metadata"]!["resourceVersion"]!.GetValue<string>();
        var trigger = Trigger("""
            k8s:
              operation: update
              source:
                resource:
                  apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: settings
                  data:
                    changed: placeholder
              parameters:
                - src:
                    dependencyName: test-dep
                    dataKey: value
                  dest: data.changed
            """);
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger, """{"value":"new"}"""), Ct);

        var put = Assert.Single(server.Requests, r => r.Method == "PUT");
        Assert.Equal("/api/v1/namespaces/argo-events/configmaps/settings", put.Path);
        Assert.Equal(storedVersion, put.Json["metadata"]!["resourceVersion"]!.GetValue<string>());
        var updated = server.Find("v1", "configmaps", SensorNamespace, "settings")!;
        Assert.Equal("yes", updated["data"]!["kept"]!.GetValue<string>());
        Assert.Equal("new", updated["data"]!["changed"]!.GetValue<string>());
        Assert.Equal("a", updated["metadata"]!["labels"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateOfAMissingObjectCreatesIt_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger("""
            k8s:
              operation: update
              source:
                resource:
                  apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: fresh
                  data:
                    a: "1"
            """);
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger), Ct);

        Assert.NotNull(server.Find("v1", "configmaps", SensorNamespace, "fresh"));
        Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.DoesNotContain(server.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task LiveObjectUpdateAppliesTheParametersToTheLiveObject_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        server.Store("v1", "configmaps", "team-b", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "counter", ["namespace"] = "team-b" },
            ["data"] = new JsonObject { ["count"] = "1", ["owner"] = "ops" },
        });
        var trigger = Trigger("""
            k8s:
              operation: update
              liveObject: true
              source:
                resource:
                  apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: counter
                    namespace: team-b
              parameters:
                - src:
                    dependencyName: test-dep
                    dataKey: suffix
                  dest: data.count
                  operation: append
            """);
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger, """{"suffix":"0"}"""), Ct);

        var updated = server.Find("v1", "configmaps", "team-b", "counter")!;
        Assert.Equal("10", updated["data"]!["count"]!.GetValue<string>());
        Assert.Equal("ops", updated["data"]!["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task LiveObjectUpdateNeedsTheNamespaceWrittenAsArgoDoes_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger("""
            k8s:
              operation: update
              liveObject: true
              source:
                resource:
                  apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: counter
            """);
        await using var k8s = await CreateAsync(trigger, server);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("metadata.namespace", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "application/merge-patch+json")]
    [InlineData("application/merge-patch+json", "application/merge-patch+json")]
    [InlineData("application/strategic-merge-patch+json", "application/strategic-merge-patch+json")]
    public async Task PatchSendsTheObjectWithTheStrategysContentType_AgainstInTestKubernetesApiServer(string? strategy, string contentType)
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        server.Store("apps/v1", "deployments", SensorNamespace, new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = SensorNamespace, ["labels"] = new JsonObject { ["app"] = "web" } },
            ["spec"] = new JsonObject { ["replicas"] = 1, ["paused"] = false },
        });
        var strategyLine = strategy is null ? string.Empty : $"patchStrategy: {strategy}";
        var trigger = Trigger($"""
            k8s:
              operation: patch
              {strategyLine}
              source:
                resource:
                  apiVersion: apps/v1
                  kind: Deployment
                  metadata:
                    name: web
                  spec:
                    replicas: 3
            """);
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger), Ct);

        var patch = Assert.Single(server.Requests, r => r.Method == "PATCH");
        Assert.Equal("/apis/apps/v1/namespaces/argo-events/deployments/web", patch.Path);
        Assert.Equal(contentType, patch.ContentType);
        Assert.Equal(3, patch.Json["spec"]!["replicas"]!.GetValue<int>());
        var patched = server.Find("apps/v1", "deployments", SensorNamespace, "web")!;
        Assert.Equal(3, patched["spec"]!["replicas"]!.GetValue<int>());
        Assert.False(patched["spec"]!["paused"]!.GetValue<bool>());
        Assert.Equal("web", patched["metadata"]!["labels"]!["app"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/json-patch+json", "must be an array of operations")]
    [InlineData("application/apply-patch+yaml", "server-side apply")]
    [InlineData("merge", "is not a Kubernetes patch type")]
    public void PatchStrategiesThatCannotWorkAreRefusedAtCreate(string strategy, string reason)
    {
        var trigger = Trigger($"""
            k8s:
              operation: patch
              patchStrategy: {strategy}
              source:
                resource:
                  apiVersion: apps/v1
                  kind: Deployment
                  metadata:
                    name: web
            """);

        var error = Assert.Throws<TriggerConfigurationException>(() => new KubernetesTriggerFactory().Create(trigger, "spec.triggers[0]", Services(null)));

        Assert.Contains("spec.triggers[0].template.k8s.patchStrategy", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteRemovesAnExistingObjectAndIgnoresAMissingOne_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        server.Store("v1", "pods", SensorNamespace, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "doomed", ["namespace"] = SensorNamespace },
        });
        var trigger = Trigger("""
            k8s:
              operation: delete
              source:
                resource:
                  apiVersion: v1
                  kind: Pod
                  metadata:
                    name: doomed
            """);
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger), Ct);
        await k8s.ExecuteAsync(Invocation(trigger), Ct);

        Assert.Null(server.Find("v1", "pods", SensorNamespace, "doomed"));
        var delete = Assert.Single(server.Requests, r => r.Method == "DELETE");
        Assert.Equal("/api/v1/namespaces/argo-events/pods/doomed", delete.Path);
    }

    [Fact]
    public async Task ClusterScopedKindsGetNoNamespace_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger("""
            k8s:
              source:
                resource:
                  apiVersion: v1
                  kind: Namespace
                  metadata:
                    name: created-by-sensor
                    namespace: ignored
            """);
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger), Ct);

        var post = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Equal("/api/v1/namespaces", post.Path);
        Assert.Null(post.Json["metadata"]!["namespace"]);
        Assert.NotNull(server.Find("v1", "namespaces", null, "created-by-sensor"));
    }

    [Fact]
    public async Task AKindTheServerDoesNotServeFailsNamingIt_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger("""
            k8s:
              source:
                resource:
                  apiVersion: apps/v1
                  kind: Rocket
                  metadata:
                    name: r
            """);
        await using var k8s = await CreateAsync(trigger, server);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("no kind 'Rocket' in apiVersion 'apps/v1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Deployment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyWaitsUntilTheCreatedObjectCarriesTheLabels_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var reads = 0;
        server.OnGet = (_, resource) =>
        {
            // A controller that finishes the object on its third read.
            if (Interlocked.Increment(ref reads) == 3)
            {
                resource["metadata"]!["labels"]!["workflows.argoproj.io/phase"] = "Succeeded";
            }
        };
        var trigger = Trigger(
            """
            k8s:
              source:
                resource:
                  apiVersion: argoproj.io/v1alpha1
                  kind: Workflow
                  metadata:
                    generateName: webhook-
            """,
            """
            policy:
              k8s:
                backoff:
                  duration: 10ms
                  factor: 2
                  jitter: 0.1
                  steps: 5
                labels:
                  workflows.argoproj.io/phase: Succeeded
                errorOnBackoffTimeout: true
            """);
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger), Ct);

        var name = Assert.Single(server.All("argoproj.io/v1alpha1", "workflows"))["metadata"]!["name"]!.GetValue<string>();
        Assert.Equal(3, server.Requests.Count(r => r.Method == "GET" && r.Path == $"/apis/argoproj.io/v1alpha1/namespaces/argo-events/workflows/{name}"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PolicyTimeoutFailsOnlyWithErrorOnBackoffTimeout_AgainstInTestKubernetesApiServer(bool errorOnBackoffTimeout)
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger(
            """
            k8s:
              source:
                resource:
                  apiVersion: v1
                  kind: Pod
                  metadata:
                    name: never-ready
            """,
            $$"""
            policy:
              k8s:
                backoff: {duration: 5ms, steps: 3}
                labels: {ready: "true"}
                errorOnBackoffTimeout: {{(errorOnBackoffTimeout ? "true" : "false")}}
            """);
        await using var k8s = await CreateAsync(trigger, server);

        if (errorOnBackoffTimeout)
        {
            var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());
            Assert.Contains("ready=true", error.Message, StringComparison.Ordinal);
            Assert.Contains("errorOnBackoffTimeout", error.Message, StringComparison.Ordinal);
        }
        else
        {
            await k8s.ExecuteAsync(Invocation(trigger), Ct);
        }

        Assert.Equal(3, server.Requests.Count(r => r is { Method: "GET", Path: "/api/v1/namespaces/argo-events/pods/never-ready" }));
    }

    [Fact]
    public async Task ApiRefusalsAreReportedWithTheStatusMessage_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger("""
            k8s:
              source:
                resource:
                  apiVersion: v1
                  kind: Pod
                  metadata:
                    namespace: team-c
            """);
        await using var k8s = await CreateAsync(trigger, server);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("POST", error.Message, StringComparison.Ordinal);
        Assert.Contains("422", error.Message, StringComparison.Ordinal);
        Assert.Contains("name or generateName is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3:\n  bucket:\n    name: manifests\n    key: wf.yaml\n  endpoint: minio:9000", "source.s3", "S3")]
    [InlineData("git:\n  url: https://github.com/argoproj/argo-workflows\n  filePath: examples/hello-world.yaml", "source.git", "Git")]
    public void S3AndGitSourcesAreRefusedAtCreateNamingTheField(string location, string field, string store)
    {
        var indented = string.Join("\n", location.Split('\n').Select(l => "    " + l));
        var trigger = Trigger($"k8s:\n  source:\n{indented}");

        var error = Assert.Throws<TriggerConfigurationException>(() => new KubernetesTriggerFactory().Create(trigger, "spec.triggers[0]", Services(null)));

        Assert.Contains($"spec.triggers[0].template.k8s.{field}", error.Message, StringComparison.Ordinal);
        Assert.Contains(store, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgosGitSourceTutorialIsRefusedAtCreate()
    {
        var trigger = TriggerOf(File.ReadAllText("/work/shared/argo-examples/extra/tutorials/03-trigger-sources-sensor-git.yaml"));

        var error = Assert.Throws<TriggerConfigurationException>(() => new KubernetesTriggerFactory().Create(trigger, "spec.triggers[0]", Services(null)));

        Assert.Contains("spec.triggers[0].template.k8s.source.git", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operation: replace\nsource:\n  inline: '{}'", "template.k8s.operation 'replace'")]
    [InlineData("operation: create", "template.k8s.source is required")]
    [InlineData("source:\n  inline: 'kind: [unclosed'", "template.k8s.source.inline is not valid YAML")]
    [InlineData("source:\n  file: {}", "template.k8s.source.file.path is required")]
    [InlineData("source:\n  url:\n    path: ftp://example.com/wf.yaml", "template.k8s.source.url.path 'ftp://example.com/wf.yaml'")]
    [InlineData("source:\n  configmap:\n    name: cm", "template.k8s.source.configmap.key is required")]
    public void SpecsThatCannotRunAreRefusedAtCreate(string body, string expected)
    {
        var indented = string.Join("\n", body.Split('\n').Select(l => "  " + l));
        var trigger = Trigger($"k8s:\n{indented}");

        var error = Assert.Throws<TriggerConfigurationException>(() => new KubernetesTriggerFactory().Create(trigger, "spec.triggers[0]", Services(null)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatesFromArgosUrlSourceExampleFetchingAtEachFiring_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        server.Manifests["hello-world.yaml"] = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: hello-world-
            spec:
              entrypoint: whalesay
            """;
        var url = new Uri(server.Address, "manifests/hello-world.yaml");
        var trigger = CorpusTrigger("url-sensor.yaml", text => text.Replace(
            "https://raw.githubusercontent.com/argoproj/argo-workflows/master/examples/hello-world.yaml", url.ToString(), StringComparison.Ordinal));
        await using var k8s = await CreateAsync(trigger, server);

        await k8s.ExecuteAsync(Invocation(trigger), Ct);
        server.Manifests.Clear();
        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        var workflow = Assert.Single(server.All("argoproj.io/v1alpha1", "workflows"));
        Assert.Equal("whalesay", workflow["spec"]!["entrypoint"]!.GetValue<string>());
        Assert.Contains("spec.triggers[0].template.k8s.source.url", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnApiServerOutsideAPodTheFiringFailsClearly()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null, "running inside a pod");
        var trigger = Trigger("""
            k8s:
              source:
                resource:
                  apiVersion: v1
                  kind: Pod
                  metadata:
                    name: p
            """);
        await using var k8s = await CreateAsync(trigger, null);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => k8s.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("The k8s trigger at spec.triggers[0] needs the Kubernetes API", error.Message, StringComparison.Ordinal);
        Assert.Contains("KUBERNETES_SERVICE_HOST", error.Message, StringComparison.Ordinal);
    }
}
