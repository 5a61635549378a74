namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// The CloudEvent ids a trigger processed in the last minute, as Argo keeps them: a redelivered copy of a message
/// already handled (an ack lost in a reconnect) is acknowledged and skipped. Used from one loop only.
/// </summary>
internal sealed class RecentEventIds(TimeProvider time, TimeSpan window)
{
    private readonly Dictionary<string, long> _seenAt = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, long At)> _order = new();

    public bool Contains(string id)
    {
        Evict();
        return _seenAt.ContainsKey(id);
    }

    public void Add(string id)
    {
        var now = time.GetTimestamp();
        _seenAt[id] = now;
        _order.Enqueue((id, now));
        Evict();
    }

    private void Evict()
    {
        var now = time.GetTimestamp();
        while (_order.TryPeek(out var oldest) && time.GetElapsedTime(oldest.At, now) > window)
        {
            _order.Dequeue();
            if (_seenAt.TryGetValue(oldest.Id, out var at) && at == oldest.At)
            {
                _seenAt.Remove(oldest.Id);
            }
        }
    }
}
