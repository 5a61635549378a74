namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>ArgoWorkflowTrigger</c>: submit or act on an Argo Workflow through the <c>argo</c> CLI.</summary>
public sealed record ArgoWorkflowTrigger
{
    /// <summary>The operation used when none is written: <c>submit</c>.</summary>
    public const string DefaultOperation = "submit";

    /// <summary><c>source</c>: where the Workflow manifest comes from.</summary>
    [ManifestField("source")]
    public ArtifactLocation? Source { get; init; }

    /// <summary>
    /// <c>operation</c>: <c>submit</c> (default), <c>submit-from</c>, <c>suspend</c>, <c>resubmit</c>, <c>retry</c>,
    /// <c>resume</c>, <c>terminate</c> or <c>stop</c>.
    /// </summary>
    [ManifestField("operation")]
    public string? Operation { get; init; }

    /// <summary><c>parameters</c>: values from events written into the Workflow.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>args</c>: extra arguments to the <c>argo</c> CLI.</summary>
    [ManifestField("args")]
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The operation Argo performs: <see cref="Operation"/> or <c>submit</c>.</summary>
    public string EffectiveOperation => string.IsNullOrEmpty(Operation) ? DefaultOperation : Operation;
}
