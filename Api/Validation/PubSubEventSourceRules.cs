using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's pubSub rules: a topic or a subscription, and no topic project without a topic.</summary>
internal static class PubSubEventSourceRules
{
    public static void Check(PubSubEventSource source, ValidationScope scope)
    {
        var hasTopic = !string.IsNullOrEmpty(source.Topic);
        if (!string.IsNullOrEmpty(source.TopicProjectId) && !hasTopic)
        {
            scope.Fail("topicProjectID", "needs topic to be set too");
        }

        if (!hasTopic && string.IsNullOrEmpty(source.SubscriptionId))
        {
            scope.Fail("needs topic or subscriptionID");
        }
    }
}
