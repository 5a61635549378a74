using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Tests.Triggers.Kubernetes;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.ArgoWorkflow;
using Xunit;
using static ArgoEvents.Sensors.Tests.Triggers.Kubernetes.TriggerTestKit;

namespace ArgoEvents.Sensors.Tests.Triggers.ArgoWorkflow;

public sealed class ArgoWorkflowTriggerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ITrigger Create(Trigger trigger, InTestKubernetesApiServer? kubernetes, InTestArgoServer? argo = null, string? token = InTestArgoServer.Token) =>
        new ArgoWorkflowTriggerFactory().Create(trigger, "spec.triggers[0]", Services(kubernetes, argo?.Address, token));

    private static Trigger Operation(string operation, string metadata = "name: my-workflow") => Trigger($"""
        argoWorkflow:
          operation: {operation}
          source:
            resource:
              apiVersion: argoproj.io/v1alpha1
              kind: Workflow
              metadata:
                {metadata}
        """);

    [Fact]
    public async Task SubmitCreatesArgosExampleWorkflowWithItsParameterAndLabels_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = CorpusTrigger("special-workflow-trigger-shortened.yaml");
        await using var workflow = Create(trigger, server);

        await workflow.ExecuteAsync(Invocation(trigger, """{"body":"message from the event"}"""), Ct);

        var created = server.Find("argoproj.io/v1alpha1", "workflows", SensorNamespace, "special-trigger");
        Assert.NotNull(created);
        Assert.Equal("message from the event", created["spec"]!["arguments"]!["parameters"]![0]!["value"]!.GetValue<string>());
        var labels = created["metadata"]!["labels"]!.AsObject();
        Assert.Equal("test-sensor", labels["events.argoproj.io/sensor"]!.GetValue<string>());
        Assert.Equal("argo-workflow-trigger", labels["events.argoproj.io/trigger"]!.GetValue<string>());
        Assert.True(labels.ContainsKey("events.argoproj.io/action-timestamp"));
        var post = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Equal("/apis/argoproj.io/v1alpha1/namespaces/argo-events/workflows", post.Path);
    }

    [Fact]
    public async Task SubmitOfATakenNameFailsWithTheConflictStatus_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = CorpusTrigger("special-workflow-trigger-shortened.yaml");
        await using var workflow = Create(trigger, server);
        await workflow.ExecuteAsync(Invocation(trigger, """{"body":"first"}"""), Ct);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => workflow.ExecuteAsync(Invocation(trigger, """{"body":"second"}"""), Ct).AsTask());

        Assert.Contains("409", error.Message, StringComparison.Ordinal);
        Assert.Contains("workflows.argoproj.io \"special-trigger\" already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitInTheWorkflowsOwnNamespaceWithGenerateName_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Operation("submit", "generateName: nightly-\n        namespace: team-w");
        await using var workflow = Create(trigger, server);

        await workflow.ExecuteAsync(Invocation(trigger), Ct);

        var created = Assert.Single(server.All("argoproj.io/v1alpha1", "workflows"));
        Assert.StartsWith("nightly-", created["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("team-w", created["metadata"]!["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubmitWithoutNameOrGenerateNameFails_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Operation("submit", "labels: {a: b}");
        await using var workflow = Create(trigger, server);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => workflow.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("neither metadata.name nor metadata.generateName", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task SubmitWaitsForThePolicyLabelsOnTheCreatedWorkflow_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        server.OnGet = (_, resource) => resource["metadata"]!["labels"]!["workflows.argoproj.io/completed"] = "true";
        var trigger = Trigger(
            """
            argoWorkflow:
              source:
                resource:
                  apiVersion: argoproj.io/v1alpha1
                  kind: Workflow
                  metadata:
                    generateName: watched-
            """,
            """
            policy:
              k8s:
                backoff: {duration: 5ms, steps: 4}
                labels: {workflows.argoproj.io/completed: "true"}
                errorOnBackoffTimeout: true
            """);
        await using var workflow = Create(trigger, server);

        await workflow.ExecuteAsync(Invocation(trigger), Ct);

        var name = Assert.Single(server.All("argoproj.io/v1alpha1", "workflows"))["metadata"]!["name"]!.GetValue<string>();
        Assert.Single(server.Requests, r => r.Method == "GET" && r.Path == $"/apis/argoproj.io/v1alpha1/namespaces/argo-events/workflows/{name}");
    }

    [Fact]
    public async Task SubmitFromSendsArgosCronWorkflowExampleToTheSubmitApi_AgainstInTestArgoServer()
    {
        await using var argo = await InTestArgoServer.StartAsync();
        argo.Templates["argo-events/CronWorkflow/special-trigger"] = true;
        var trigger = CorpusTrigger("special-workflow-trigger-submit-existing.yml");
        await using var workflow = Create(trigger, null, argo);

        await workflow.ExecuteAsync(Invocation(trigger), Ct);

        var request = Assert.Single(argo.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/workflows/argo-events/submit", request.Path);
        Assert.Equal($"Bearer {InTestArgoServer.Token}", request.Authorization);
        Assert.Equal("CronWorkflow", request.Json["resourceKind"]!.GetValue<string>());
        Assert.Equal("special-trigger", request.Json["resourceName"]!.GetValue<string>());
        Assert.Equal("argo-events", request.Json["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubmitFromAWorkflowTemplateKeepsABearerPrefixedToken_AgainstInTestArgoServer()
    {
        await using var argo = await InTestArgoServer.StartAsync();
        argo.Templates["team-t/WorkflowTemplate/build"] = true;
        var trigger = Trigger("""
            argoWorkflow:
              operation: submit-from
              source:
                resource:
                  apiVersion: argoproj.io/v1alpha1
                  kind: workflowtemplate
                  metadata:
                    name: build
                    namespace: team-t
            """);
        await using var workflow = Create(trigger, null, argo, $"Bearer {InTestArgoServer.Token}");

        await workflow.ExecuteAsync(Invocation(trigger), Ct);

        var request = Assert.Single(argo.Requests);
        Assert.Equal("/api/v1/workflows/team-t/submit", request.Path);
        Assert.Equal("WorkflowTemplate", request.Json["resourceKind"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubmitFromOfAnotherKindFailsNamingIt_AgainstInTestArgoServer()
    {
        await using var argo = await InTestArgoServer.StartAsync();
        var trigger = Operation("submit-from");
        await using var workflow = Create(trigger, null, argo);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => workflow.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("WorkflowTemplate or CronWorkflow", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Workflow'", error.Message, StringComparison.Ordinal);
        Assert.Empty(argo.Requests);
    }

    [Theory]
    [InlineData("resubmit")]
    [InlineData("retry")]
    [InlineData("resume")]
    [InlineData("suspend")]
    [InlineData("terminate")]
    [InlineData("stop")]
    public async Task EachOperationIsAPutOnTheWorkflowsActionPath_AgainstInTestArgoServer(string operation)
    {
        await using var argo = await InTestArgoServer.StartAsync();
        argo.Workflows["argo-events/my-workflow"] = true;
        var trigger = Operation(operation);
        await using var workflow = Create(trigger, null, argo);

        await workflow.ExecuteAsync(Invocation(trigger), Ct);

        var request = Assert.Single(argo.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/api/v1/workflows/argo-events/my-workflow/{operation}", request.Path);
        Assert.Equal("my-workflow", request.Json["name"]!.GetValue<string>());
        Assert.Equal("argo-events", request.Json["namespace"]!.GetValue<string>());
        Assert.Equal($"Bearer {InTestArgoServer.Token}", request.Authorization);
    }

    [Fact]
    public async Task TheWorkflowNameComesFromTheParameters_AgainstInTestArgoServer()
    {
        await using var argo = await InTestArgoServer.StartAsync();
        argo.Workflows["argo-events/from-event"] = true;
        var trigger = Trigger("""
            argoWorkflow:
              operation: retry
              source:
                resource:
                  apiVersion: argoproj.io/v1alpha1
                  kind: Workflow
                  metadata:
                    name: placeholder
              parameters:
                - src:
                    dependencyName: test-dep
                    dataKey: workflow
                  dest: metadata.name
            """);
        await using var workflow = Create(trigger, null, argo);

        await workflow.ExecuteAsync(Invocation(trigger, """{"workflow":"from-event"}"""), Ct);

        Assert.Equal("/api/v1/workflows/argo-events/from-event/retry", Assert.Single(argo.Requests).Path);
    }

    [Fact]
    public async Task ArgoServerRefusalsAreReportedWithItsMessage_AgainstInTestArgoServer()
    {
        await using var argo = await InTestArgoServer.StartAsync();
        var trigger = Operation("resume", "name: unknown");
        await using var workflow = Create(trigger, null, argo);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => workflow.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("PUT", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("workflows.argoproj.io \"unknown\" not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTokenIsReportedAsTheServerAnswers_AgainstInTestArgoServer()
    {
        await using var argo = await InTestArgoServer.StartAsync();
        argo.Workflows["argo-events/my-workflow"] = true;
        var trigger = Operation("stop");
        await using var workflow = Create(trigger, null, argo, "wrong");

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => workflow.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("token not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationsOtherThanSubmitNeedAName_AgainstInTestArgoServer()
    {
        await using var argo = await InTestArgoServer.StartAsync();
        var trigger = Operation("suspend", "generateName: x-");
        await using var workflow = Create(trigger, null, argo);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => workflow.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("suspend operation needs metadata.name", error.Message, StringComparison.Ordinal);
        Assert.Empty(argo.Requests);
    }

    [Theory]
    [InlineData("submit-from")]
    [InlineData("resubmit")]
    [InlineData("retry")]
    [InlineData("resume")]
    [InlineData("suspend")]
    [InlineData("terminate")]
    [InlineData("stop")]
    public void ArgoServerOperationsWithoutAnArgoServerAreRefusedAtCreate(string operation)
    {
        var error = Assert.Throws<TriggerConfigurationException>(() => Create(Operation(operation), null));

        Assert.Contains($"spec.triggers[0].template.argoWorkflow.operation '{operation}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sensor:ArgoServer", error.Message, StringComparison.Ordinal);
        Assert.Contains("ARGO_SERVER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitNeedsNoArgoServer()
    {
        await using var workflow = Create(Operation("submit"), null, null, null);

        Assert.NotNull(workflow);
    }

    [Fact]
    public void ArgosExampleWithCliArgsIsRefusedAtCreateNamingArgs()
    {
        var trigger = CorpusTrigger("special-workflow-trigger.yaml");

        var error = Assert.Throws<TriggerConfigurationException>(() => Create(trigger, null));

        Assert.Contains("spec.triggers[0].template.argoWorkflow.args", error.Message, StringComparison.Ordinal);
        Assert.Contains("--node-field-selector phase=abc", error.Message, StringComparison.Ordinal);
        Assert.Contains("argo CLI", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operation: create\nsource:\n  inline: '{}'", "template.argoWorkflow.operation 'create'")]
    [InlineData("operation: submit", "template.argoWorkflow.source is required")]
    [InlineData("source:\n  s3:\n    bucket: {name: b, key: k}", "template.argoWorkflow.source.s3")]
    public void SpecsThatCannotRunAreRefusedAtCreate(string body, string expected)
    {
        var indented = string.Join("\n", body.Split('\n').Select(l => "  " + l));
        var trigger = Trigger($"argoWorkflow:\n{indented}");

        var error = Assert.Throws<TriggerConfigurationException>(() => Create(trigger, null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmittingAnotherKindFailsPointingAtSubmitFrom_AgainstInTestKubernetesApiServer()
    {
        await using var server = await InTestKubernetesApiServer.StartAsync();
        var trigger = Trigger("""
            argoWorkflow:
              source:
                resource:
                  apiVersion: argoproj.io/v1alpha1
                  kind: WorkflowTemplate
                  metadata:
                    name: t
            """);
        await using var workflow = Create(trigger, server);

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => workflow.ExecuteAsync(Invocation(trigger), Ct).AsTask());

        Assert.Contains("submit-from", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
