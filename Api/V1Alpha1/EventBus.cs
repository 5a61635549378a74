using ArgoEvents.Api.Validation;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>An Argo <c>EventBus</c>: the messaging system EventSources publish to and Sensors read from.</summary>
public sealed record EventBus : ArgoObject
{
    /// <summary>The <c>kind</c> of an EventBus.</summary>
    public const string KindName = "EventBus";

    /// <summary><c>spec</c>.</summary>
    [ManifestField("spec")]
    public EventBusSpec Spec { get; init; } = new();

    /// <summary><c>status</c>: written by Argo's controller; accepted, kept untyped and ignored.</summary>
    [ManifestField("status")]
    public ManifestNode? Status { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<ManifestError> Validate() => EventBusValidator.Validate(this);
}
