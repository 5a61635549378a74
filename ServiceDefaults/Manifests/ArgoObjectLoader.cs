using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using Microsoft.Extensions.Configuration;

namespace ArgoEvents.ServiceDefaults.Manifests;

/// <summary>
/// Finds the one object a service process runs: a YAML file (e.g. <c>EventSource:File</c>, env <c>EventSource__File</c>)
/// or, as Argo's controller passes it, base64 JSON in an environment variable (<c>EVENTSOURCE_OBJECT</c>,
/// <c>SENSOR_OBJECT</c>). The object is validated before anything starts.
/// </summary>
public static class ArgoObjectLoader
{
    /// <summary>Loads and validates the object of type <typeparamref name="T"/>.</summary>
    /// <param name="configuration">Where the keys are read.</param>
    /// <param name="fileKey">The configuration key of a manifest path, e.g. <c>Sensor:File</c>.</param>
    /// <param name="objectVariable">Argo's variable carrying base64 JSON, e.g. <c>SENSOR_OBJECT</c>.</param>
    /// <exception cref="InvalidOperationException">No object is configured, or the file holds no single object of the kind.</exception>
    /// <exception cref="ManifestException">The manifest does not load or validate; the message names file, line and column.</exception>
    public static T Load<T>(IConfiguration configuration, string fileKey, string objectVariable)
        where T : ArgoObject
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(fileKey);
        ArgumentException.ThrowIfNullOrEmpty(objectVariable);
        var kind = typeof(T).Name;
        T loaded;
        if (configuration[fileKey] is { Length: > 0 } path)
        {
            var objects = ManifestLoader.LoadFile(path).OfType<T>().ToList();
            loaded = objects.Count == 1
                ? objects[0]
                : throw new InvalidOperationException($"{path} holds {objects.Count} {kind} objects; this service runs exactly one.");
        }
        else if (configuration[objectVariable] is { Length: > 0 } encoded)
        {
            loaded = ManifestLoader.LoadFromBase64Json<T>(encoded, objectVariable);
        }
        else
        {
            throw new InvalidOperationException($"No {kind} to run: set {fileKey} (env {fileKey.Replace(":", "__", StringComparison.Ordinal)}) to a manifest path, or {objectVariable} to its base64 JSON.");
        }

        loaded.EnsureValid();
        return loaded;
    }
}
