namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>
/// The delivery guarantees this client speaks. QoS 2 (exactly once) is not among them: subscriptions never ask for it,
/// so a conforming broker never sends it, and an inbound QoS 2 PUBLISH is refused as a protocol error.
/// </summary>
public enum MqttQualityOfService
{
    /// <summary>QoS 0: fire and forget, no acknowledgement.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: acknowledged with PUBACK, redelivered (DUP set) until acknowledged.</summary>
    AtLeastOnce = 1,
}
