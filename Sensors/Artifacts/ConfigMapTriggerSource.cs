using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.Kubernetes;

namespace ArgoEvents.Sensors.Artifacts;

/// <summary>
/// <c>source.configmap</c>: a key of a ConfigMap in the sensor's namespace, read through the Kubernetes API at every
/// firing (Argo mounts the ConfigMap into the sensor pod; reading it from the API gives the same content without the
/// volume).
/// </summary>
internal sealed class ConfigMapTriggerSource : TriggerSource
{
    private static readonly KubernetesResourceType ConfigMaps = new(string.Empty, "v1", "configmaps", "ConfigMap", Namespaced: true);
    private readonly string _name;
    private readonly string _key;
    private readonly KubernetesConnection _kubernetes;
    private readonly string _namespace;

    public ConfigMapTriggerSource(ConfigMapArtifact configMap, string fieldPath, KubernetesConnection kubernetes, string sensorNamespace)
        : base(fieldPath)
    {
        if (string.IsNullOrWhiteSpace(configMap.Name))
        {
            throw new TriggerConfigurationException($"{fieldPath}.name is required: the ConfigMap holding the manifest.");
        }

        if (string.IsNullOrWhiteSpace(configMap.Key))
        {
            throw new TriggerConfigurationException($"{fieldPath}.key is required: the ConfigMap key holding the manifest.");
        }

        _name = configMap.Name;
        _key = configMap.Key;
        _kubernetes = kubernetes;
        _namespace = sensorNamespace;
    }

    public override async Task<byte[]> ReadAsync(CancellationToken cancellationToken)
    {
        var configMap = await _kubernetes.Client.GetAsync(ConfigMaps, _namespace, _name, cancellationToken).ConfigureAwait(false)
            ?? throw new TriggerExecutionException($"{FieldPath}: the ConfigMap {_namespace}/{_name} does not exist.");
        if (configMap["data"] is not JsonObject data || data[_key] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw new TriggerExecutionException($"{FieldPath}: the ConfigMap {_namespace}/{_name} has no data key '{_key}'.");
        }

        return Decode(value.GetValue<string>(), $"{FieldPath} ({_namespace}/{_name} key {_key})");
    }
}
