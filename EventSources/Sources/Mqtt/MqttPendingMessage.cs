using ArgoEvents.EventSources.Protocols.Mqtt;

namespace ArgoEvents.EventSources.Sources.Mqtt;

/// <summary>
/// One received message on its way to the bus: the publication of its event (already complete when the message is
/// dropped or recognised as stored), and when handling began.
/// </summary>
internal sealed record MqttPendingMessage(MqttMessage Message, Task Publication, long StartedTimestamp);
