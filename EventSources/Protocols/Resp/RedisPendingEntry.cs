namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>One entry of the extended form of XPENDING.</summary>
/// <param name="Id">The entry id.</param>
/// <param name="Consumer">The consumer that holds it.</param>
/// <param name="Idle">Time since it was last delivered.</param>
/// <param name="DeliveryCount">How often it was delivered (XREADGROUP, XCLAIM).</param>
public sealed record RedisPendingEntry(string Id, string Consumer, TimeSpan Idle, long DeliveryCount);
