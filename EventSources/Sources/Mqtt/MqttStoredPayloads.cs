using System.Security.Cryptography;
using ArgoEvents.EventBus.Bus;

namespace ArgoEvents.EventSources.Sources.Mqtt;

/// <summary>
/// The payloads of an event's newest events on the bus, as SHA-256 hashes counted with multiplicity: each stored
/// event can vouch for one redelivered message only, so two redeliveries with equal payloads are not both taken for
/// the one event stored.
/// </summary>
internal sealed class MqttStoredPayloads
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    private MqttStoredPayloads()
    {
    }

    /// <summary>How many events were read.</summary>
    public int EventCount { get; private set; }

    /// <summary>Reads the newest <paramref name="count"/> events of the event from the bus.</summary>
    public static async Task<MqttStoredPayloads> LoadAsync(EventBusClient bus, string eventSourceName, string eventName, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var stored = new MqttStoredPayloads();
        foreach (var cloudEvent in await bus.ReadLatestAsync(eventSourceName, eventName, count, cancellationToken).ConfigureAwait(false))
        {
            var key = Key(cloudEvent.Data.Span);
            stored._counts[key] = stored._counts.GetValueOrDefault(key) + 1;
            stored.EventCount++;
        }

        return stored;
    }

    /// <summary>True, and one stored event fewer to match, when an event with exactly this payload is on the bus.</summary>
    public bool TryTake(ReadOnlySpan<byte> payload)
    {
        var key = Key(payload);
        if (!_counts.TryGetValue(key, out var left))
        {
            return false;
        }

        if (left == 1)
        {
            _counts.Remove(key);
        }
        else
        {
            _counts[key] = left - 1;
        }

        return true;
    }

    private static string Key(ReadOnlySpan<byte> payload) => Convert.ToHexString(SHA256.HashData(payload));
}
