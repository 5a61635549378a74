using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.Sensors.Tests.Triggers.Http.Support;

/// <summary>A temporary directory laid out as Argo mounts secrets (&lt;dir&gt;/&lt;secret&gt;/&lt;key&gt;), and the trigger services reading it.</summary>
public sealed class SecretsDirectory : IDisposable
{
    /// <summary>Creates an empty directory.</summary>
    public SecretsDirectory() => Path = Directory.CreateTempSubdirectory("httptrig-secrets-").FullName;

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>Writes one key of one secret (with a trailing line break, as kubectl-created files often have).</summary>
    public SecretsDirectory Write(string secret, string key, string value)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, secret));
        File.WriteAllText(System.IO.Path.Combine(Path, secret, key), value + "\n");
        return this;
    }

    /// <summary>Trigger services whose secrets are read from this directory.</summary>
    public ArgoEvents.Sensors.Triggers.TriggerServices Services() => new("test-sensor", "argo-events", new SecretResolver(Path));

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
