using ArgoEvents.Api.Validation;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>An Argo <c>EventSource</c>: where events come from and the bus they are published on.</summary>
public sealed record EventSource : ArgoObject
{
    /// <summary>The <c>kind</c> of an EventSource.</summary>
    public const string KindName = "EventSource";

    /// <summary><c>spec</c>.</summary>
    [ManifestField("spec")]
    public EventSourceSpec Spec { get; init; } = new();

    /// <summary><c>status</c>: written by Argo's controller; accepted, kept untyped and ignored.</summary>
    [ManifestField("status")]
    public ManifestNode? Status { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<ManifestError> Validate() => EventSourceValidator.Validate(this);
}
