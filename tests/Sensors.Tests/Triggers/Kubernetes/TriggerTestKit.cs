using System.Text;
using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.Sensors.Tests.Triggers.Kubernetes;

/// <summary>Sensors, events and services for the k8s and argoWorkflow trigger tests.</summary>
internal static class TriggerTestKit
{
    public const string SensorNamespace = "argo-events";
    public const string CorpusDirectory = "/work/shared/argo-examples/sensors";

    /// <summary>The first trigger of the sensor in <paramref name="yaml"/>.</summary>
    public static Trigger TriggerOf(string yaml) =>
        ManifestLoader.LoadString(yaml).OfType<Sensor>().Single().Spec.Triggers[0];

    /// <summary>The first trigger of a sensor of Argo's example corpus, its text optionally rewritten first.</summary>
    public static Trigger CorpusTrigger(string file, Func<string, string>? rewrite = null)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDirectory, file));
        return TriggerOf(rewrite is null ? text : rewrite(text));
    }

    /// <summary>A sensor whose one trigger has <paramref name="templateBody"/> (indented for under <c>template:</c>) and optional trigger-level <paramref name="extra"/>.</summary>
    public static Trigger Trigger(string templateBody, string extra = "") => TriggerOf($"""
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: test-sensor
        spec:
          dependencies:
            - name: test-dep
              eventSourceName: webhook
              eventName: example
          triggers:
            - template:
                name: test-trigger
        {Indent(templateBody, 8)}
        {Indent(extra, 6)}
        """);

    public static SensorEvent Event(string json) => new(
        new SensorEventContext("0123456789abcdef0123456789abcdef", "webhook", "1.0", "webhook", "application/json", "example", DateTimeOffset.UnixEpoch),
        Encoding.UTF8.GetBytes(json));

    public static TriggerInvocation Invocation(Trigger trigger, string? data = null) =>
        new(trigger.Template!, data is null ? new Dictionary<string, SensorEvent>() : new Dictionary<string, SensorEvent> { ["test-dep"] = Event(data) });

    public static TriggerServices Services(InTestKubernetesApiServer? kubernetes, Uri? argoServer = null, string? argoToken = null) =>
        new("test-sensor", SensorNamespace, new SecretResolver(Path.GetTempPath()))
        {
            Kubernetes = kubernetes?.Options,
            ArgoServer = argoServer,
            ArgoToken = argoToken,
        };

    private static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join('\n', text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(line => line.Length == 0 ? line : pad + line));
    }
}
