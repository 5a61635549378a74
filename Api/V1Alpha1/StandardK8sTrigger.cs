namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>StandardK8STrigger</c>: create, update, patch or delete a Kubernetes object.</summary>
public sealed record StandardK8sTrigger
{
    /// <summary>The operation used when none is written: <c>create</c>.</summary>
    public const string DefaultOperation = "create";

    /// <summary><c>source</c>: where the object's manifest comes from.</summary>
    [ManifestField("source")]
    public ArtifactLocation? Source { get; init; }

    /// <summary><c>operation</c>: <c>create</c> (default), <c>update</c>, <c>patch</c> or <c>delete</c>.</summary>
    [ManifestField("operation")]
    public string? Operation { get; init; }

    /// <summary><c>parameters</c>: values from events written into the object.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>patchStrategy</c>: the patch content type (default <c>application/merge-patch+json</c>).</summary>
    [ManifestField("patchStrategy")]
    public string? PatchStrategy { get; init; }

    /// <summary><c>liveObject</c>: for <c>update</c>, fetch the object from the cluster instead of using the source.</summary>
    [ManifestField("liveObject")]
    public bool LiveObject { get; init; }

    /// <summary>
    /// <c>group</c>: Argo before 1.0 named the resource's API group here. Argo now takes it from the manifest's
    /// <c>apiVersion</c>, so it is accepted and ignored.
    /// </summary>
    [ManifestField("group")]
    public string? DeprecatedGroup { get; init; }

    /// <summary><c>version</c>: the API version of Argo before 1.0; accepted and ignored like <see cref="DeprecatedGroup"/>.</summary>
    [ManifestField("version")]
    public string? DeprecatedVersion { get; init; }

    /// <summary><c>resource</c>: the plural resource name of Argo before 1.0; accepted and ignored like <see cref="DeprecatedGroup"/>.</summary>
    [ManifestField("resource")]
    public string? DeprecatedResource { get; init; }

    /// <summary>The operation Argo performs: <see cref="Operation"/> or <c>create</c>.</summary>
    public string EffectiveOperation => string.IsNullOrEmpty(Operation) ? DefaultOperation : Operation;
}
