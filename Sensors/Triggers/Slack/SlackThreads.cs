using System.Collections.Concurrent;

namespace ArgoEvents.Sensors.Triggers.Slack;

/// <summary>
/// The threads messages are grouped into: for a channel and a <c>messageAggregationKey</c>, the timestamp of the first
/// message posted with them, which later messages with the same key reply to. Kept for the sensor process, as Argo keeps it.
/// </summary>
internal sealed class SlackThreads
{
    private readonly ConcurrentDictionary<(string Channel, string Key), string> _threads = new();

    /// <summary>The thread timestamp for <paramref name="channel"/> and <paramref name="key"/>, or null before the first message.</summary>
    public string? Find(string channel, string key) => _threads.TryGetValue((channel, key), out var ts) ? ts : null;

    /// <summary>Records the first message of a thread; a thread already recorded keeps its timestamp.</summary>
    public void Start(string channel, string key, string ts) => _threads.TryAdd((channel, key), ts);
}
