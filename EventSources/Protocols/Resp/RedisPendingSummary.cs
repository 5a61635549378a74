namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>The summary form of XPENDING: what a consumer group holds unacknowledged.</summary>
/// <param name="Count">Entries delivered and not acknowledged, over all consumers.</param>
/// <param name="LowestId">The smallest pending id, or null when nothing is pending.</param>
/// <param name="HighestId">The largest pending id, or null when nothing is pending.</param>
/// <param name="Consumers">The consumers holding pending entries.</param>
public sealed record RedisPendingSummary(long Count, string? LowestId, string? HighestId, IReadOnlyList<RedisPendingConsumer> Consumers);
