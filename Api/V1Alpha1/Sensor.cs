using ArgoEvents.Api.Validation;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>An Argo <c>Sensor</c>: the events it waits for and the triggers it fires when they arrive.</summary>
public sealed record Sensor : ArgoObject
{
    /// <summary>The <c>kind</c> of a Sensor.</summary>
    public const string KindName = "Sensor";

    /// <summary><c>spec</c>.</summary>
    [ManifestField("spec")]
    public SensorSpec Spec { get; init; } = new();

    /// <summary><c>status</c>: written by Argo's controller; accepted, kept untyped and ignored.</summary>
    [ManifestField("status")]
    public ManifestNode? Status { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<ManifestError> Validate() => SensorValidator.Validate(this);
}
