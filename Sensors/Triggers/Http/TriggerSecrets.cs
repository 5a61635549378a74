using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers.Http;

/// <summary>
/// Reads the secrets and ConfigMap values a trigger names, turning a missing one into a
/// <see cref="TriggerConfigurationException"/> that names the field.
/// </summary>
internal static class TriggerSecrets
{
    /// <summary>Where Argo mounts the ConfigMaps of a Sensor pod.</summary>
    public const string DefaultConfigMapsDirectory = "/argo-events/config";

    /// <summary>The value of <paramref name="selector"/>; null when it is null or optional and absent.</summary>
    public static string? Read(TriggerServices services, SecretKeySelector? selector, string fieldPath)
    {
        try
        {
            return services.Secrets.Resolve(selector, fieldPath);
        }
        catch (InvalidOperationException e)
        {
            throw new TriggerConfigurationException(e.Message, e);
        }
    }

    /// <summary>The value of a required <paramref name="selector"/>.</summary>
    public static string ReadRequired(TriggerServices services, SecretKeySelector? selector, string fieldPath) =>
        Read(services, selector, fieldPath)
        ?? throw new TriggerConfigurationException($"{fieldPath}: the secret is required but was not found.");

    /// <summary>
    /// The value of one ConfigMap key, read as Argo reads it from the volume mounted at
    /// <c>&lt;directory&gt;/&lt;configmap&gt;/&lt;key&gt;</c>; null when the selector is optional and absent.
    /// </summary>
    public static string? ReadConfigMap(string directory, ConfigMapKeySelector selector, string fieldPath)
    {
        if (string.IsNullOrEmpty(selector.Name) || string.IsNullOrEmpty(selector.Key))
        {
            throw new TriggerConfigurationException($"{fieldPath} must name a ConfigMap and a key.");
        }

        var path = Path.Combine(directory, selector.Name, selector.Key);
        if (!File.Exists(path))
        {
            return selector.Optional == true
                ? null
                : throw new TriggerConfigurationException($"{fieldPath}: ConfigMap '{selector.Name}' key '{selector.Key}' was not found (looked for {path}).");
        }

        return File.ReadAllText(path).TrimEnd('\r', '\n');
    }
}
