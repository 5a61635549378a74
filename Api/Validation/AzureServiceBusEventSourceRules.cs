using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's azureServiceBus rules: a connection string or a namespace, and either a queue or a topic with a
/// subscription.
/// </summary>
internal static class AzureServiceBusEventSourceRules
{
    public static void Check(AzureServiceBusEventSource source, ValidationScope scope)
    {
        if (source.ConnectionString is null && string.IsNullOrEmpty(source.FullyQualifiedNamespace))
        {
            scope.Fail("needs connectionString or fullyQualifiedNamespace");
        }

        var hasQueue = !string.IsNullOrEmpty(source.QueueName);
        var hasTopic = !string.IsNullOrEmpty(source.TopicName);
        var hasSubscription = !string.IsNullOrEmpty(source.SubscriptionName);
        if (hasQueue && (hasTopic || hasSubscription))
        {
            scope.Fail("must not have queueName together with topicName or subscriptionName");
        }
        else if (!hasQueue && !(hasTopic && hasSubscription))
        {
            scope.Fail(hasTopic || hasSubscription
                ? "needs both topicName and subscriptionName"
                : "needs queueName, or topicName and subscriptionName");
        }
    }
}
