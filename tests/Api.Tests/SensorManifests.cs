using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

/// <summary>Sensors written inline for tests: two dependencies and one log trigger unless a test says otherwise.</summary>
internal static class SensorManifests
{
    public const string Dependencies = """
        dependencies:
          - {name: dep-a, eventSourceName: webhook, eventName: example}
          - {name: dep_b, eventSourceName: calendar, eventName: tick}
        """;

    public const string LogTrigger = """
        triggers:
          - template: {name: log, log: {}}
        """;

    /// <summary>
    /// A Sensor named "sensor" with the given spec body, written from column 1; it is indented under <c>spec:</c>, so
    /// body line N is document line 5 + N and body column C is document column C + 2.
    /// </summary>
    public static Sensor Load(string specBody) =>
        Manifests.LoadSingle<Sensor>($"""
            apiVersion: argoproj.io/v1alpha1
            kind: Sensor
            metadata:
              name: sensor
            spec:
            {Indent(specBody)}
            """);

    /// <summary>A Sensor with the standard dependencies and the given triggers section.</summary>
    public static Sensor WithTriggers(string triggers) => Load(Dependencies + "\n" + triggers);

    /// <summary>A Sensor with the given dependencies section and the standard log trigger.</summary>
    public static Sensor WithDependencies(string dependencies) => Load(dependencies + "\n" + LogTrigger);

    private static string Indent(string body) =>
        string.Join('\n', body.Split('\n').Select(line => line.Length == 0 ? line : "  " + line));
}
