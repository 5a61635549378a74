namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>A message published to a channel this subscriber listens to, directly or through a pattern.</summary>
/// <param name="Channel">The channel it was published to.</param>
/// <param name="Pattern">The PSUBSCRIBE pattern that matched, or null for a SUBSCRIBE channel.</param>
/// <param name="Payload">The message bytes as published.</param>
public sealed record RedisPubSubMessage(string Channel, string? Pattern, ReadOnlyMemory<byte> Payload);
