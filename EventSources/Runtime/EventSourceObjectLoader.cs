using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using Microsoft.Extensions.Configuration;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// Finds the one EventSource this process runs: a YAML file (<c>EventSource:File</c>, env
/// <c>EventSource__File</c>) or, as Argo's controller passes it, base64 JSON in <c>EVENTSOURCE_OBJECT</c>.
/// The object is validated before anything starts.
/// </summary>
public static class EventSourceObjectLoader
{
    /// <summary>Configuration key of the manifest path.</summary>
    public const string FileKey = "EventSource:File";

    /// <summary>Argo's environment variable carrying the object.</summary>
    public const string ObjectVariable = "EVENTSOURCE_OBJECT";

    /// <summary>Loads and validates the EventSource.</summary>
    /// <exception cref="InvalidOperationException">No object is configured, or the file holds no single EventSource.</exception>
    /// <exception cref="ManifestException">The manifest does not load or validate; the message names file, line and column.</exception>
    public static EventSource Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        EventSource eventSource;
        if (configuration[FileKey] is { Length: > 0 } path)
        {
            var objects = ManifestLoader.LoadFile(path).OfType<EventSource>().ToList();
            eventSource = objects.Count == 1
                ? objects[0]
                : throw new InvalidOperationException($"{path} holds {objects.Count} EventSource objects; this service runs exactly one.");
        }
        else if (configuration[ObjectVariable] is { Length: > 0 } encoded)
        {
            eventSource = ManifestLoader.LoadFromBase64Json<EventSource>(encoded, ObjectVariable);
        }
        else
        {
            throw new InvalidOperationException($"No EventSource to run: set {FileKey} (env EventSource__File) to a manifest path, or {ObjectVariable} to its base64 JSON.");
        }

        eventSource.EnsureValid();
        return eventSource;
    }
}
