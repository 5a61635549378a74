using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.ServiceDefaults.EventBus;

namespace ArgoEvents.Sensors.Triggers.Nats;

/// <summary>
/// The <c>nats</c> trigger: publishes the payload built from the events on a subject of a NATS server (core NATS, as
/// Argo does). <c>tls</c> and <c>auth</c> as the nats EventSource takes them.
/// </summary>
public sealed class NatsTriggerFactory : ITriggerFactory
{
    /// <inheritdoc />
    public TriggerType Type => TriggerType.Nats;

    /// <inheritdoc />
    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(services);
        var field = fieldPath + ".template.nats";
        var spec = trigger.Template?.Nats ?? throw new TriggerConfigurationException($"{field} is missing.");
        if (string.IsNullOrEmpty(spec.Url))
        {
            throw new TriggerConfigurationException($"{field}.url is required.");
        }

        if (string.IsNullOrEmpty(spec.Subject))
        {
            throw new TriggerConfigurationException($"{field}.subject is required.");
        }

        NatsOptions options;
        try
        {
            options = NatsClientSecurity.Apply(new NatsOptions
            {
                Name = $"argo-events-sensor-{services.SensorName}-{trigger.Template.Name}",
                LoggerFactory = services.LoggerFactory,
            }, spec.Tls, spec.Auth, services.Secrets, field);
        }
        catch (InvalidOperationException e)
        {
            throw new TriggerConfigurationException(e.Message, e);
        }

        return new NatsPublishTrigger(field, options, spec);
    }
}
