namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>What XAUTOCLAIM took over.</summary>
/// <param name="NextStartId">Where the next XAUTOCLAIM call continues the scan; "0-0" once the whole pending list was scanned.</param>
/// <param name="Entries">The entries now owned by the claiming consumer.</param>
/// <param name="DeletedIds">Ids that were pending but whose entries no longer exist; Redis removed them from the pending list.</param>
public sealed record RedisAutoClaimResult(string NextStartId, IReadOnlyList<RedisStreamEntry> Entries, IReadOnlyList<string> DeletedIds);
