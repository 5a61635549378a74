namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>BitbucketRepository</c>.</summary>
public sealed record BitbucketRepository
{
    /// <summary><c>owner</c>: the repository owner.</summary>
    [ManifestField("owner")]
    public string? Owner { get; init; }

    /// <summary><c>repositorySlug</c>: the repository slug.</summary>
    [ManifestField("repositorySlug")]
    public string? RepositorySlug { get; init; }
}
