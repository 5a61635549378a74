using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Counts the publications on an event subject with a core NATS subscription: it sees every publication, also those
/// the stream then drops as duplicates, so publications minus stored events is how many messages a new leader
/// published again after a failover.
/// </summary>
public sealed class PublicationCounter : IAsyncDisposable
{
    private readonly NatsSubscription _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private int _count;

    private PublicationCounter(NatsSubscription subscription)
    {
        _subscription = subscription;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Publications seen so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Subscribes to <paramref name="subject"/> on <paramref name="connection"/>.</summary>
    public static async Task<PublicationCounter> StartAsync(NatsConnection connection, string subject)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Room for a whole run, so a burst after a failover is not dropped as a slow consumer's backlog.
        var subscription = await connection.SubscribeAsync(subject, null, 65_536);
        await connection.FlushAsync();
        return new PublicationCounter(subscription);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        await _subscription.DisposeAsync();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await foreach (var _ in _subscription.ReadAllAsync(_stop.Token))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
