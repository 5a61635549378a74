using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers;

/// <summary>The trigger types a sensor process runs: one factory per <see cref="TriggerType"/>.</summary>
public sealed class TriggerRegistry
{
    private readonly Dictionary<TriggerType, ITriggerFactory> _factories = [];

    /// <summary>Registers a factory; a later registration of the same type replaces the earlier one.</summary>
    public TriggerRegistry Add(ITriggerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factories[factory.Type] = factory;
        return this;
    }

    /// <summary>
    /// Creates the trigger for <paramref name="trigger"/>, or refuses it naming the template key when this build does
    /// not run its type.
    /// </summary>
    /// <exception cref="TriggerConfigurationException">The type is not run here, or the factory refused the spec.</exception>
    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var template = trigger.Template ?? throw new TriggerConfigurationException($"{fieldPath}.template is required.");
        if (template.Type is not { } type)
        {
            throw new TriggerConfigurationException($"{fieldPath}.template must define exactly one trigger type.");
        }

        if (!_factories.TryGetValue(type, out var factory))
        {
            var key = template.DefinedTypeKeys[0];
            throw new TriggerConfigurationException(
                $"{fieldPath}.template.{key}: the {key} trigger is not supported by this build; it runs {string.Join(", ", _factories.Keys.Order().Select(KeyOf))}.");
        }

        return factory.Create(trigger, fieldPath, services);
    }

    private static string KeyOf(TriggerType type) => type switch
    {
        TriggerType.Kubernetes => "k8s",
        TriggerType.ArgoWorkflow => "argoWorkflow",
        TriggerType.Http => "http",
        TriggerType.AwsLambda => "awsLambda",
        TriggerType.Custom => "custom",
        TriggerType.Kafka => "kafka",
        TriggerType.Nats => "nats",
        TriggerType.Slack => "slack",
        TriggerType.OpenWhisk => "openWhisk",
        TriggerType.Log => "log",
        TriggerType.AzureEventHubs => "azureEventHubs",
        TriggerType.Pulsar => "pulsar",
        TriggerType.AzureServiceBus => "azureServiceBus",
        TriggerType.Email => "email",
        _ => type.ToString(),
    };
}
