namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>
/// The client's packet identifiers in use (QoS 1 PUBLISH, SUBSCRIBE, UNSUBSCRIBE) and what waits for their
/// acknowledgement. An identifier is free again only once its acknowledgement came, as MQTT 3.1.1 (2.3.1) requires.
/// </summary>
internal sealed class PendingRequests
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ushort, Pending> _pending = [];
    private readonly SemaphoreSlim _free = new(ushort.MaxValue, ushort.MaxValue);
    private ushort _last;
    private Exception? _failure;

    public async ValueTask<(ushort PacketId, Task<byte[]> Acknowledged)> RegisterAsync(MqttPacketType kind, CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        var completion = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_failure is not null)
            {
                _free.Release();
                throw _failure;
            }

            do
            {
                _last = _last == ushort.MaxValue ? (ushort)1 : (ushort)(_last + 1);
            }
            while (_pending.ContainsKey(_last));

            _pending.Add(_last, new Pending(kind, completion));
            return (_last, completion.Task);
        }
    }

    /// <summary>Completes the request <paramref name="packetId"/>; throws when the broker acknowledged something else.</summary>
    public void Complete(ushort packetId, MqttPacketType acknowledgedKind, byte[] result)
    {
        Pending pending;
        lock (_gate)
        {
            if (!_pending.TryGetValue(packetId, out pending!))
            {
                throw new MqttProtocolException($"The MQTT broker sent {Name(acknowledgedKind)} for packet identifier {packetId}, which has no request waiting.");
            }

            var expected = pending.Kind switch
            {
                MqttPacketType.Publish => MqttPacketType.PubAck,
                MqttPacketType.Subscribe => MqttPacketType.SubAck,
                _ => MqttPacketType.UnsubAck,
            };
            if (expected != acknowledgedKind)
            {
                throw new MqttProtocolException($"The MQTT broker answered the {Name(pending.Kind)} with packet identifier {packetId} by {Name(acknowledgedKind)} instead of {Name(expected)}.");
            }

            _pending.Remove(packetId);
        }

        _free.Release();
        pending.Completion.TrySetResult(result);
    }

    /// <summary>Fails every waiting request and every later registration with <paramref name="error"/>.</summary>
    public void FailAll(Exception error)
    {
        List<Pending> failed;
        lock (_gate)
        {
            _failure ??= error;
            failed = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (var pending in failed)
        {
            pending.Completion.TrySetException(error);
        }
    }

    private static string Name(MqttPacketType type) => type.ToString().ToUpperInvariant();

    private sealed record Pending(MqttPacketType Kind, TaskCompletionSource<byte[]> Completion);
}
