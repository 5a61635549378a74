namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>OwnedRepositories</c>: repositories of one owner.</summary>
public sealed record OwnedRepositories
{
    /// <summary><c>owner</c>: the organization or user.</summary>
    [ManifestField("owner")]
    public string? Owner { get; init; }

    /// <summary><c>names</c>: the repository names.</summary>
    [ManifestField("names")]
    public IReadOnlyList<string> Names { get; init; } = [];
}
