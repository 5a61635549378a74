using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers;

/// <summary>Creates the triggers of one <see cref="TriggerType"/>; one registration per type, as the EventSources have.</summary>
public interface ITriggerFactory
{
    /// <summary>The template key this factory serves.</summary>
    TriggerType Type { get; }

    /// <summary>
    /// Checks the trigger's spec beyond the model's validation (what this implementation runs, the secrets it names)
    /// and creates the trigger. Called once when the sensor starts; nothing is contacted yet.
    /// </summary>
    /// <param name="trigger">The trigger as the sensor declares it; its template has this factory's type.</param>
    /// <param name="fieldPath">Where the trigger sits in the manifest, e.g. <c>spec.triggers[0]</c>, for error messages.</param>
    /// <param name="services">What triggers share within the sensor process.</param>
    /// <exception cref="TriggerConfigurationException">The spec asks for something this implementation does not run, or a secret is missing.</exception>
    ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services);
}
