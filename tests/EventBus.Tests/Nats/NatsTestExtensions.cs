using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.Tests.Nats;

internal static class NatsTestExtensions
{
    public static async Task<NatsMsg> NextAsync(this NatsSubscription subscription, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(5));
        return await subscription.Msgs.ReadAsync(timeout.Token);
    }

    public static async Task<List<NatsMsg>> TakeAsync(this NatsSubscription subscription, int count, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        var messages = new List<NatsMsg>(count);
        while (messages.Count < count)
        {
            messages.Add(await subscription.Msgs.ReadAsync(timeout.Token));
        }

        return messages;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; false when the deadline passes.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
