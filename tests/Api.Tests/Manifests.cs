using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

/// <summary>Small helpers to load test manifests written inline.</summary>
internal static class Manifests
{
    public static T LoadSingle<T>(string yaml, string sourceName = "test.yaml")
        where T : ArgoObject =>
        Assert.IsType<T>(Assert.Single(ManifestLoader.LoadString(yaml, sourceName)));

    public static ManifestError LoadError(string yaml, string sourceName = "test.yaml") =>
        Assert.Single(Assert.Throws<ManifestLoadException>(() => ManifestLoader.LoadString(yaml, sourceName)).Errors);

    /// <summary>
    /// An EventSource named "es" with the given spec body, written from column 1; it is indented under
    /// <c>spec:</c>, so body line N is document line 5 + N and body column C is document column C + 2.
    /// </summary>
    public static EventSource EventSource(string specBody) =>
        LoadSingle<EventSource>($"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: es
            spec:
            {Indent(specBody)}
            """);

    /// <summary>The single validation error of an EventSource with the given spec body.</summary>
    public static ManifestError EventSourceError(string specBody) => Assert.Single(EventSource(specBody).Validate());

    public static EventBus EventBus(string specBody) =>
        LoadSingle<EventBus>($"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventBus
            metadata:
              name: default
            spec:
            {Indent(specBody)}
            """);

    public static ManifestError EventBusError(string specBody) => Assert.Single(EventBus(specBody).Validate());

    private static string Indent(string body) =>
        string.Join('\n', body.Split('\n').Select(line => line.Length == 0 ? line : "  " + line));
}
