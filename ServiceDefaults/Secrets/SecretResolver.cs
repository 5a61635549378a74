using ArgoEvents.Api.V1Alpha1;
using Microsoft.Extensions.Configuration;

namespace ArgoEvents.ServiceDefaults.Secrets;

/// <summary>
/// Reads the Kubernetes secrets a spec refers to. They are mounted as files, <c>&lt;directory&gt;/&lt;secret&gt;/&lt;key&gt;</c>,
/// under <c>/argo-events/secrets</c> in a pod as Argo mounts them, or under <c>&lt;section&gt;:SecretsDirectory</c> when set
/// (<c>EventSource:SecretsDirectory</c>, <c>Sensor:SecretsDirectory</c>; the local orchestrator writes them there).
/// </summary>
public sealed class SecretResolver
{
    /// <summary>Where Argo mounts the secrets of an EventSource or Sensor pod.</summary>
    public const string DefaultDirectory = "/argo-events/secrets";

    /// <summary>Creates a resolver reading from <paramref name="directory"/>.</summary>
    public SecretResolver(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    /// <summary>The root of the mounted secrets.</summary>
    public string Directory { get; }

    /// <summary>A resolver for the directory configured under <paramref name="section"/> (<c>EventSource</c>, <c>Sensor</c>).</summary>
    public static SecretResolver FromConfiguration(IConfiguration configuration, string section = "EventSource")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(section);
        return new SecretResolver(configuration[section + ":SecretsDirectory"] is { Length: > 0 } d ? d : DefaultDirectory);
    }

    /// <summary>The value a selector names, without a trailing line break; null when the selector is null or optional and absent.</summary>
    /// <exception cref="InvalidOperationException">A required secret is missing; the message names it and the path looked at.</exception>
    public string? Resolve(SecretKeySelector? selector, string fieldPath)
    {
        if (selector is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(selector.Name) || string.IsNullOrEmpty(selector.Key))
        {
            throw new InvalidOperationException($"{fieldPath} must name a secret and a key.");
        }

        var path = Path.Combine(Directory, selector.Name, selector.Key);
        if (!File.Exists(path))
        {
            return selector.Optional == true
                ? null
                : throw new InvalidOperationException($"{fieldPath}: secret '{selector.Name}' key '{selector.Key}' was not found (looked for {path}).");
        }

        return File.ReadAllText(path).TrimEnd('\r', '\n');
    }
}
