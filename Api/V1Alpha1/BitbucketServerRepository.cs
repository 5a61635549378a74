namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>BitbucketServerRepository</c>.</summary>
public sealed record BitbucketServerRepository
{
    /// <summary><c>projectKey</c>: the project key.</summary>
    [ManifestField("projectKey")]
    public string? ProjectKey { get; init; }

    /// <summary><c>repositorySlug</c>: the repository slug.</summary>
    [ManifestField("repositorySlug")]
    public string? RepositorySlug { get; init; }
}
