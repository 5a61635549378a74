using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.Kubernetes;

namespace ArgoEvents.Sensors.Artifacts;

/// <summary>
/// Where a k8s or argoWorkflow trigger's object comes from (Argo's <c>ArtifactLocation</c>), read afresh at every
/// firing as Argo's <c>FetchResource</c> does. <c>s3</c> and <c>git</c> are refused: this implementation has no S3 or
/// Git client.
/// </summary>
internal abstract class TriggerSource : IDisposable
{
    private protected TriggerSource(string fieldPath)
    {
        FieldPath = fieldPath;
    }

    /// <summary>The source's place in the manifest, e.g. <c>spec.triggers[0].template.k8s.source.inline</c>.</summary>
    public string FieldPath { get; }

    /// <summary>Checks the location and makes its reader; the location Argo would use wins when several are written.</summary>
    /// <param name="location">The trigger's <c>source</c>.</param>
    /// <param name="fieldPath">Where <paramref name="location"/> sits, e.g. <c>spec.triggers[0].template.k8s.source</c>.</param>
    /// <param name="kubernetes">The API for <c>configmap</c> sources.</param>
    /// <param name="sensorNamespace">Where <c>configmap</c> sources are looked up.</param>
    /// <exception cref="TriggerConfigurationException">The location is missing, unsupported or incomplete.</exception>
    public static TriggerSource Create(ArtifactLocation? location, string fieldPath, KubernetesConnection kubernetes, string sensorNamespace)
    {
        ArgumentNullException.ThrowIfNull(fieldPath);
        ArgumentNullException.ThrowIfNull(kubernetes);
        if (location is null)
        {
            throw new TriggerConfigurationException($"{fieldPath} is required: the trigger needs the object to act on (inline, file, url, configmap or resource).");
        }

        // Argo's GetArtifactReader tries the locations in this order.
        if (location.S3 is not null)
        {
            throw new TriggerConfigurationException(
                $"{fieldPath}.s3: reading trigger sources from S3 is not supported by this implementation; put the manifest inline, in a file, at a URL, in a ConfigMap (configmap) or under resource.");
        }

        if (location.Inline is { } inline)
        {
            return new InlineTriggerSource(inline, $"{fieldPath}.inline");
        }

        if (location.File is { } file)
        {
            return new FileTriggerSource(file, $"{fieldPath}.file");
        }

        if (location.Url is { } url)
        {
            return new UrlTriggerSource(url, $"{fieldPath}.url");
        }

        if (location.Git is not null)
        {
            throw new TriggerConfigurationException(
                $"{fieldPath}.git: reading trigger sources from Git is not supported by this implementation; put the manifest inline, in a file, at a URL, in a ConfigMap (configmap) or under resource.");
        }

        if (location.ConfigMap is { } configMap)
        {
            return new ConfigMapTriggerSource(configMap, $"{fieldPath}.configmap", kubernetes, sensorNamespace);
        }

        if (location.Resource is { } resource)
        {
            return new ResourceTriggerSource(resource, $"{fieldPath}.resource");
        }

        throw new TriggerConfigurationException($"{fieldPath} names no location: write one of inline, file, url, configmap or resource.");
    }

    /// <summary>Reads the object as UTF-8 JSON.</summary>
    /// <exception cref="TriggerExecutionException">The source cannot be read or holds no object.</exception>
    public abstract Task<byte[]> ReadAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual void Dispose()
    {
    }

    /// <summary>Converts the text read into the object's JSON, failing the firing when it is not a manifest.</summary>
    private protected byte[] Decode(string text, string origin)
    {
        try
        {
            return ManifestText.ToJsonObject(text, origin);
        }
        catch (FormatException e)
        {
            throw new TriggerExecutionException(e.Message, e);
        }
    }
}
