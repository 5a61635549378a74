namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>One delivery whose event is being published: its tag, the publication, and when handling began.</summary>
internal sealed record AmqpPendingDelivery(ulong DeliveryTag, Task Publication, string? MessageId, long StartedTimestamp);
