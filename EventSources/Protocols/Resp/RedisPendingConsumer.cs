namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>A consumer of a group and how many entries it holds unacknowledged.</summary>
/// <param name="Name">The consumer name.</param>
/// <param name="PendingCount">Entries delivered to it and not acknowledged.</param>
public sealed record RedisPendingConsumer(string Name, long PendingCount);
