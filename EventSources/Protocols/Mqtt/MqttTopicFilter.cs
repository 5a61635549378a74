namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>One entry of a SUBSCRIBE: a topic filter (wildcards '+' and '#' allowed) and the highest QoS wanted for it.</summary>
public sealed record MqttTopicFilter(string Filter, MqttQualityOfService Qos);
