namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>
/// QoS 1 messages received and not yet acknowledged on the wire, in arrival order. Acknowledging releases the
/// longest acknowledged prefix, so PUBACKs leave in arrival order whatever order the application acknowledges in.
/// </summary>
internal sealed class InboundAckQueue
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _order = new();
    private readonly Dictionary<MqttMessage, LinkedListNode<Entry>> _nodes = new(ReferenceEqualityComparer.Instance);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _order.Count;
            }
        }
    }

    public void Add(MqttMessage message)
    {
        lock (_gate)
        {
            _nodes.Add(message, _order.AddLast(new Entry(message.PacketId)));
        }
    }

    /// <summary>Marks <paramref name="message"/> acknowledged and returns the packet ids whose PUBACK may go now, in order.</summary>
    public List<ushort> Acknowledge(MqttMessage message)
    {
        var ready = new List<ushort>();
        lock (_gate)
        {
            if (!_nodes.Remove(message, out var node))
            {
                return ready;
            }

            node.Value.Acknowledged = true;
            while (_order.First is { Value.Acknowledged: true } first)
            {
                ready.Add(first.Value.PacketId);
                _order.RemoveFirst();
            }
        }

        return ready;
    }

    private sealed class Entry(ushort packetId)
    {
        public ushort PacketId { get; } = packetId;

        public bool Acknowledged { get; set; }
    }
}
