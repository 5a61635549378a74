namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>GitArtifact</c>: a manifest file in a Git repository.</summary>
public sealed record GitArtifact
{
    /// <summary><c>url</c>: the repository.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>cloneDirectory</c>: where the repository is cloned.</summary>
    [ManifestField("cloneDirectory")]
    public string? CloneDirectory { get; init; }

    /// <summary><c>creds</c>: username and password.</summary>
    [ManifestField("creds")]
    public GitCreds? Creds { get; init; }

    /// <summary><c>sshKeySecret</c>: an SSH private key.</summary>
    [ManifestField("sshKeySecret")]
    public SecretKeySelector? SshKeySecret { get; init; }

    /// <summary><c>githubApp</c>: authenticate as a GitHub App.</summary>
    [ManifestField("githubApp")]
    public GithubAppCreds? GithubApp { get; init; }

    /// <summary><c>filePath</c>: the manifest's path in the repository.</summary>
    [ManifestField("filePath")]
    public string? FilePath { get; init; }

    /// <summary><c>branch</c>.</summary>
    [ManifestField("branch")]
    public string? Branch { get; init; }

    /// <summary><c>tag</c>.</summary>
    [ManifestField("tag")]
    public string? Tag { get; init; }

    /// <summary><c>ref</c>: a ref to fetch shallowly.</summary>
    [ManifestField("ref")]
    public string? Ref { get; init; }

    /// <summary><c>remote</c>: the remote to fetch from (default <c>origin</c>).</summary>
    [ManifestField("remote")]
    public GitRemoteConfig? Remote { get; init; }

    /// <summary><c>insecureIgnoreHostKey</c>: do not check the SSH host key.</summary>
    [ManifestField("insecureIgnoreHostKey")]
    public bool InsecureIgnoreHostKey { get; init; }

    /// <summary><c>sshKeyPath</c>: a key file in the container, read by Argo before 1.0; accepted and ignored.</summary>
    [ManifestField("sshKeyPath")]
    public string? DeprecatedSshKeyPath { get; init; }

    /// <summary><c>namespace</c>: read by Argo before 1.0; accepted and ignored.</summary>
    [ManifestField("namespace")]
    public string? DeprecatedNamespace { get; init; }
}
