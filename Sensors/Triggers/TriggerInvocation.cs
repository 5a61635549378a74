using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Triggers;

/// <summary>One firing of a trigger.</summary>
/// <param name="Template">
/// The trigger's template after the trigger-level <c>parameters</c> were applied to it (Argo's
/// <c>ApplyTemplateParameters</c>); the same instance the trigger was created with when it has no such parameters.
/// </param>
/// <param name="Events">The events that satisfied the conditions, by dependency name. A dependency of an <c>||</c> branch that did not fire is absent.</param>
public sealed record TriggerInvocation(TriggerTemplate Template, IReadOnlyDictionary<string, SensorEvent> Events);
