using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.Sensors.Runtime;
using ArgoEvents.Sensors.Tests.Support;
using ArgoEvents.Sensors.Tests.Triggers.ArgoWorkflow;
using ArgoEvents.Sensors.Tests.Triggers.Http.Support;
using ArgoEvents.Sensors.Tests.Triggers.Kubernetes;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.ServiceDefaults.Secrets;
using ArgoEvents.Testing;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// Runs one corpus Sensor in-process against a real nats-server as the service does (SensorPlan.Create, then
/// SensorEngine.RunAsync), with its outside world played by in-test servers: the Kubernetes API, the Argo Server, an
/// HTTP server for http/openWhisk targets and Slack's Web API, aiosmtpd for email, a nats subscription for nats. The
/// manifest is rewritten only where it names the outside world (URLs, hosts, file paths), and its sensor and
/// EventSource names are made unique so runs on the shared server do not meet. Every trigger yields an expectation:
/// the effect its target must observe.
/// </summary>
internal sealed class CorpusSensorRun : IAsyncDisposable
{
    private const string SensorNamespace = "argo-events";
    private const string WorkflowYaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: corpus-hello-
        spec:
          entrypoint: main
          templates:
            - name: main
              container:
                image: busybox
                command: [echo, hello]
        """;

    private const string OkAnswer = """{"ok":true,"channel":"C0CORPUS01","ts":"1700000000.000100","channels":[{"id":"C0CORPUS01","name":"general"}],"response_metadata":{"next_cursor":""}}""";

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<(string Description, Func<bool> Satisfied)> _expectations = [];
    private readonly LogTriggerCapture _logCapture = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly string _file;
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private EventBusClient? _bus;
    private SensorPlan? _plan;
    private CancellationTokenSource? _stop;
    private Task? _run;
    private string? _workflowFile;

    private CorpusSensorRun(string file)
    {
        _file = file;
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new RingLoggerProvider(Log)).AddProvider(_logCapture));
    }

    public LogRing Log { get; } = new(300);

    public Sensor Sensor { get; private set; } = null!;

    public InTestKubernetesApiServer? Kubernetes { get; private set; }

    public InTestArgoServer? Argo { get; private set; }

    public InTestHttpServer? Http { get; private set; }

    public CorpusSmtpServer? Smtp { get; private set; }

    /// <summary>What each trigger's target must have observed once the sensor fired.</summary>
    public IReadOnlyList<(string Description, Func<bool> Satisfied)> Expectations => _expectations;

    public static async Task<CorpusSensorRun> StartAsync(string busUrl, string file, int document, CancellationToken cancellationToken)
    {
        var run = new CorpusSensorRun(file);
        try
        {
            await run.StartCoreAsync(busUrl, CorpusDocuments.Load(file, document), cancellationToken);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>Publishes one event per dependency, each crafted to pass that dependency's filters.</summary>
    public async Task PublishOnePerDependencyAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Sensor.Spec.Dependencies.Count; i++)
        {
            var dependency = Sensor.Spec.Dependencies[i];
            var cloudEvent = new CloudEvent(Guid.NewGuid().ToString("N"), dependency.EventSourceName!, "webhook")
            {
                Subject = dependency.EventName,
                DataContentType = "application/json",
                Time = TimeInside(dependency.Filters?.Time),
            };
            cloudEvent.SetData(Encoding.UTF8.GetBytes(CorpusEvents.DataFor(_file)));
            await _bus!.PublishAsync(dependency.EventSourceName!, dependency.EventName!, cloudEvent, cancellationToken);
        }
    }

    /// <summary>Waits until every expectation holds; on timeout, the ones that do not, with what the servers saw.</summary>
    public async Task<IReadOnlyList<string>> WaitForExpectationsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var missing = _expectations.Where(e => !e.Satisfied()).Select(e => e.Description).ToList();
            if (missing.Count == 0 || DateTime.UtcNow > deadline)
            {
                return missing;
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    public string Diagnostics()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Kubernetes API requests: {string.Join(", ", Kubernetes?.Requests.Select(r => r.ToString()) ?? [])}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Argo Server requests: {string.Join(", ", Argo?.Requests.Select(r => r.ToString()) ?? [])}");
        text.AppendLine(CultureInfo.InvariantCulture, $"HTTP requests: {string.Join(", ", Http?.Requests.Select(r => $"{r.Method} {r.PathAndQuery}") ?? [])}");
        text.AppendLine(CultureInfo.InvariantCulture, $"SMTP messages: {Smtp?.Messages().Count ?? 0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Log trigger entries: {string.Join(", ", _logCapture.Entries.Select(e => e.TriggerName))}");
        text.Append(Log.Tail(40));
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await _stop!.CancelAsync();
            try
            {
                await _run;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_plan is not null)
        {
            await _plan.DisposeAsync();
        }

        _stop?.Dispose();
        if (_bus is not null)
        {
            await _bus.DisposeAsync();
        }

        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _loggerFactory.Dispose();
        if (_workflowFile is not null)
        {
            File.Delete(_workflowFile);
        }
    }

    private static DateTimeOffset TimeInside(Api.V1Alpha1.TimeFilter? window)
    {
        if (window?.Start is not { } start)
        {
            return DateTimeOffset.UtcNow;
        }

        var zone = string.IsNullOrEmpty(window.Timezone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(window.Timezone);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        var local = today + TimeSpan.ParseExact(start.PadLeft(8, '0'), @"hh\:mm\:ss", CultureInfo.InvariantCulture) + TimeSpan.FromMinutes(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private async Task StartCoreAsync(string busUrl, Sensor loaded, CancellationToken cancellationToken)
    {
        var templates = loaded.Spec.Triggers.Select(t => t.Template!).ToList();
        if (templates.Any(t => t.K8s is not null || t.ArgoWorkflow is not null))
        {
            Kubernetes = Own(await InTestKubernetesApiServer.StartAsync());
        }

        if (templates.Any(t => t.ArgoWorkflow is { } a && a.EffectiveOperation != ArgoWorkflowTrigger.DefaultOperation))
        {
            Argo = Own(await InTestArgoServer.StartAsync());
        }

        if (templates.Any(t => t.Http is not null || t.EffectiveOpenWhisk is not null || t.Slack is not null))
        {
            Http = Own(await InTestHttpServer.StartAsync(InTestHttpServer.Answer(200, OkAnswer)));
        }

        if (templates.Any(t => t.Email is not null))
        {
            Smtp = Own(await CorpusSmtpServer.StartAsync(cancellationToken));
        }

        _bus = await EventBusClient.ConnectAsync(busUrl, cancellationToken: cancellationToken);
        await _bus.EnsureStreamAsync(new EventStreamSettings { Replicas = 1 }, cancellationToken);
        var triggers = new List<Trigger>();
        for (var i = 0; i < loaded.Spec.Triggers.Count; i++)
        {
            triggers.Add(await RewriteAsync(loaded, loaded.Spec.Triggers[i], i, busUrl));
        }

        Sensor = loaded with
        {
            Metadata = loaded.Metadata with { Name = $"corpus-{_id}" },
            Spec = loaded.Spec with
            {
                Dependencies = [.. loaded.Spec.Dependencies.Select(d => d with { EventSourceName = $"c{_id}-{d.EventSourceName}" })],
                Triggers = triggers,
            },
        };

        var services = new TriggerServices(Sensor.Metadata.Name!, SensorNamespace, new SecretResolver(CorpusSecrets.Directory))
        {
            LoggerFactory = _loggerFactory,
            Kubernetes = Kubernetes?.Options,
            ArgoServer = Argo?.Address,
            ArgoToken = InTestArgoServer.Token,
        };
        var registry = CorpusTriggers.Registry(
            new Uri(Http?.BaseAddress ?? new Uri("http://127.0.0.1:9/"), "slack/"),
            Smtp is { } smtp ? (_, certificate, _, _) => smtp.TrustsCertificate(certificate) : null);
        _plan = SensorPlan.Create(Sensor, registry, services);
        _stop = new CancellationTokenSource();
        var engine = new SensorEngine(_plan, _bus, new SensorRuntimeOptions { StateReplicas = 1, BackgroundStopping = CancellationToken.None }, _loggerFactory, TimeProvider.System);
        _run = engine.RunAsync(_stop.Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var started = engine.WaitUntilStartedAsync(timeout.Token);
        if (await Task.WhenAny(started, _run) == _run)
        {
            await _run;
            throw new InvalidOperationException($"the sensor stopped while starting:{Environment.NewLine}{Log.Tail(30)}");
        }

        await started;
    }

    private async Task<Trigger> RewriteAsync(Sensor sensor, Trigger trigger, int index, string busUrl)
    {
        var template = trigger.Template!;
        var name = template.Name!;
        if (template.K8s is { } k8s)
        {
            var source = await RewriteSourceAsync(k8s.Source);
            ExpectKubernetesWrite(name, k8s.EffectiveOperation, KindOf(sensor, index, "k8s"));
            return trigger with { Template = template with { K8s = k8s with { Source = source } } };
        }

        if (template.ArgoWorkflow is { } argo)
        {
            var source = await RewriteSourceAsync(argo.Source);
            if (argo.EffectiveOperation == ArgoWorkflowTrigger.DefaultOperation)
            {
                ExpectKubernetesWrite(name, "create", "Workflow");
            }
            else
            {
                ExpectArgoServerOperation(sensor, index, name, argo.EffectiveOperation);
            }

            return trigger with { Template = template with { ArgoWorkflow = argo with { Source = source } } };
        }

        if (template.Http is { } http)
        {
            var path = Uri.TryCreate(http.EffectiveUrl, UriKind.Absolute, out var url) ? url.PathAndQuery : "/";
            var prefix = $"/t{index}";
            // Secure headers carry the secret's value, read from the mounted secret files.
            var secureHeaders = http.SecureHeaders
                .Where(h => h.ValueFrom?.SecretKeyRef is not null)
                .Select(h => (h.Name!, File.ReadAllText(Path.Combine(CorpusSecrets.Directory, h.ValueFrom!.SecretKeyRef!.Name!, h.ValueFrom.SecretKeyRef.Key!))))
                .ToList();
            var withHeaders = secureHeaders.Count == 0 ? string.Empty : $" with secure header(s) {string.Join(", ", secureHeaders.Select(h => h.Item1))}";
            _expectations.Add(($"http trigger '{name}': a {http.EffectiveMethod} {prefix}{path}{withHeaders} on the in-test HTTP server", () => Http!.Requests.Any(r =>
                r.Method == http.EffectiveMethod &&
                r.PathAndQuery.StartsWith(prefix + "/", StringComparison.Ordinal) &&
                secureHeaders.All(h => r.Header(h.Item1) == h.Item2))));
            return trigger with { Template = template with { Http = http with { Url = new Uri(Http!.BaseAddress, $"t{index}{path}").ToString(), DeprecatedServerUrl = null } } };
        }

        if (template.EffectiveOpenWhisk is { } whisk)
        {
            var prefix = $"/t{index}/api/";
            _expectations.Add(($"openWhisk trigger '{name}': a POST {prefix}… invoking action '{whisk.ActionName}' on the in-test HTTP server", () => Http!.Requests.Any(r => r.Method == "POST" && r.PathAndQuery.StartsWith(prefix, StringComparison.Ordinal) && r.PathAndQuery.Contains("/actions/" + whisk.ActionName, StringComparison.Ordinal))));
            var rewritten = whisk with { Host = new Uri(Http!.BaseAddress, $"t{index}").ToString() };
            return trigger with { Template = template.OpenWhisk is not null ? template with { OpenWhisk = rewritten } : template with { LowercaseOpenWhisk = rewritten } };
        }

        if (template.Slack is not null)
        {
            _expectations.Add(($"slack trigger '{name}': a chat.postMessage on the in-test Slack Web API", () => Http!.Requests.Any(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/slack/chat.postMessage", StringComparison.Ordinal))));
            return trigger;
        }

        if (template.Nats is { } nats)
        {
            var subject = $"corpus.{_id}.t{index}";
            var fired = Own(await FiredMessages.SubscribeAsync(busUrl, subject));
            var received = Task.Run(() => fired.NextAsync(TimeSpan.FromSeconds(30), $"nats trigger '{name}'"));
            _expectations.Add(($"nats trigger '{name}': a message on subject {subject} (was {nats.Subject})", () => received.IsCompletedSuccessfully));
            return trigger with { Template = template with { Nats = nats with { Url = busUrl, Subject = subject } } };
        }

        if (template.Email is { } email)
        {
            _expectations.Add(($"email trigger '{name}': a message delivered by the in-test SMTP server (aiosmtpd)", () => Smtp!.Messages().Count > 0));
            return trigger with { Template = template with { Email = email with { Host = "127.0.0.1", Port = Smtp!.Port } } };
        }

        if (template.Log is not null)
        {
            _expectations.Add(($"log trigger '{name}': an entry logged", () => _logCapture.Entries.Any(e => e.TriggerName == name)));
            return trigger;
        }

        throw new InvalidOperationException($"{_file}: trigger '{name}' has a type the corpus run does not know how to observe: {string.Join(", ", template.DefinedTypeKeys)}");
    }

    private async Task<ArtifactLocation?> RewriteSourceAsync(ArtifactLocation? source)
    {
        if (source?.File is not null)
        {
            _workflowFile ??= Path.Combine(Path.GetTempPath(), $"corpus-{_id}-workflow.yaml");
            await File.WriteAllTextAsync(_workflowFile, WorkflowYaml);
            return source with { File = source.File with { Path = _workflowFile } };
        }

        if (source?.Url is not null)
        {
            Kubernetes!.Manifests["corpus-workflow.yaml"] = WorkflowYaml;
            return source with { Url = source.Url with { Path = new Uri(Kubernetes.Address, "manifests/corpus-workflow.yaml").ToString() } };
        }

        if (source?.ConfigMap is { } configMap)
        {
            Kubernetes!.Store("v1", "configmaps", SensorNamespace, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = configMap.Name },
                ["data"] = new JsonObject { [configMap.Key!] = WorkflowYaml },
            });
        }

        return source;
    }

    private void ExpectKubernetesWrite(string triggerName, string operation, string kind)
    {
        var method = operation switch
        {
            "create" => "POST",
            "update" => "PUT",
            "patch" => "PATCH",
            "delete" => "DELETE",
            _ => throw new InvalidOperationException($"{_file}: k8s operation '{operation}' of trigger '{triggerName}' is not observed by the corpus run"),
        };
        var sameBefore = _expectations.Count(e => e.Description.StartsWith($"k8s {method} {kind} ", StringComparison.Ordinal));
        _expectations.Add(($"k8s {method} {kind} by trigger '{triggerName}' on the in-test Kubernetes API server", () =>
            Kubernetes!.Requests.Count(r => r.Method == method && (method is "DELETE" || KindOfBody(r.Body) == kind)) > sameBefore));
    }

    private void ExpectArgoServerOperation(Sensor sensor, int index, string triggerName, string operation)
    {
        var resource = ResourceOf(sensor, index, "argoWorkflow");
        var kind = resource?["kind"]?.GetValue<string>() ?? "Workflow";
        var resourceName = resource?["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;
        var ns = resource?["metadata"]?["namespace"]?.GetValue<string>() ?? SensorNamespace;
        string suffix;
        if (operation == "submit-from")
        {
            Argo!.Templates[$"{ns}/{kind}/{resourceName}"] = true;
            suffix = "/submit";
        }
        else
        {
            Argo!.Workflows[$"{ns}/{resourceName}"] = true;
            suffix = "/" + operation;
        }

        _expectations.Add(($"argoWorkflow {operation} by trigger '{triggerName}' on the in-test Argo Server", () =>
            Argo.Requests.Any(r => r.Path.EndsWith(suffix, StringComparison.Ordinal))));
    }

    private static string KindOf(Sensor sensor, int index, string type) =>
        ResourceOf(sensor, index, type)?["kind"]?.GetValue<string>() ?? "Workflow";

    private static JsonNode? ResourceOf(Sensor sensor, int index, string type) =>
        JsonNode.Parse(sensor.ToJson())?["spec"]?["triggers"]?[index]?["template"]?[type]?["source"]?["resource"];

    private static string? KindOfBody(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["kind"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
