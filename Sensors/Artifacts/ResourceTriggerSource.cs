using System.Text;
using ArgoEvents.Api;
using ArgoEvents.Sensors.Triggers;

namespace ArgoEvents.Sensors.Artifacts;

/// <summary><c>source.resource</c>: the object written out in the sensor manifest itself.</summary>
internal sealed class ResourceTriggerSource : TriggerSource
{
    private readonly byte[] _json;

    public ResourceTriggerSource(ManifestNode resource, string fieldPath)
        : base(fieldPath)
    {
        if (resource is not ManifestMapping)
        {
            throw new TriggerConfigurationException($"{fieldPath} must be a Kubernetes object (a mapping with apiVersion, kind, metadata, ...).");
        }

        _json = Encoding.UTF8.GetBytes(resource.ToJsonString());
    }

    public override Task<byte[]> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(_json.ToArray());
}
