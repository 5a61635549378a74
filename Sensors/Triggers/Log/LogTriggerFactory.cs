using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers.Log;

/// <summary>The <c>log</c> trigger: writes the events that fired it to the sensor's log.</summary>
public sealed class LogTriggerFactory : ITriggerFactory
{
    /// <inheritdoc />
    public TriggerType Type => TriggerType.Log;

    /// <inheritdoc />
    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(services);
        var spec = trigger.Template?.Log ?? throw new TriggerConfigurationException($"{fieldPath}.template.log is missing.");
        if (spec.IntervalSeconds is < 0)
        {
            throw new TriggerConfigurationException($"{fieldPath}.template.log.intervalSeconds must not be negative, got {spec.IntervalSeconds}.");
        }

        var name = trigger.Template!.Name ?? string.Empty;
        return new LogTrigger(name, TimeSpan.FromSeconds(spec.IntervalSeconds ?? 0), services);
    }
}
