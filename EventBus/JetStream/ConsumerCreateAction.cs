namespace ArgoEvents.EventBus.JetStream;

/// <summary>What a consumer create request may do when the consumer exists or does not.</summary>
public enum ConsumerCreateAction
{
    /// <summary>Create it, or update it when it exists (the only behaviour of nats-server 2.9).</summary>
    CreateOrUpdate,

    /// <summary>Create it; fail when it exists (nats-server 2.10+).</summary>
    Create,

    /// <summary>Update it; fail when it does not exist (nats-server 2.10+).</summary>
    Update,
}
