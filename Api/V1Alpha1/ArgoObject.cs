using System.Text;
using System.Text.Json;
using ArgoEvents.Api.Validation;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>An <c>argoproj.io/v1alpha1</c> object: its type header, its Kubernetes metadata and where it was loaded from.</summary>
public abstract record ArgoObject
{
    /// <summary>The only API version this model reads: <c>argoproj.io/v1alpha1</c>.</summary>
    public const string GroupVersion = "argoproj.io/v1alpha1";

    /// <summary><c>apiVersion</c>: always <see cref="GroupVersion"/> for a loaded object.</summary>
    [ManifestField("apiVersion")]
    public string? ApiVersion { get; init; }

    /// <summary><c>kind</c>: <c>EventBus</c>, <c>EventSource</c>, ...</summary>
    [ManifestField("kind")]
    public string? Kind { get; init; }

    /// <summary><c>metadata</c>: name, namespace, labels, annotations.</summary>
    [ManifestField("metadata")]
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>Where the object was loaded from; null for objects built in code.</summary>
    public ManifestSource? Source { get; init; }

    /// <summary>Checks Argo's rules; every error names the field path and, for loaded objects, its file, line and column.</summary>
    public abstract IReadOnlyList<ManifestError> Validate();

    /// <summary>Throws <see cref="ManifestValidationException"/> listing every rule the object breaks.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ManifestValidationException(errors);
        }
    }

    /// <summary>The object as Argo's JSON (the shape Argo puts, base64-encoded, in <c>EVENTSOURCE_OBJECT</c>).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ManifestJsonWriter.Write(writer, this);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The object as base64-encoded JSON, the form of Argo's <c>EVENTSOURCE_OBJECT</c> pod variable.</summary>
    public string ToBase64Json() => Convert.ToBase64String(Encoding.UTF8.GetBytes(ToJson()));
}
