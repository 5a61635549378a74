using System.Text;
using System.Text.Json;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.Sensors.Tests.Support;

/// <summary>
/// What a sensor's nats trigger published: a real subscription on the real server, read with deadlines so a test can
/// assert both "fired" and "did not fire within a quiet period".
/// </summary>
internal sealed class FiredMessages : IAsyncDisposable
{
    private readonly NatsConnection _connection;
    private readonly NatsSubscription _subscription;

    private FiredMessages(NatsConnection connection, NatsSubscription subscription)
    {
        _connection = connection;
        _subscription = subscription;
    }

    public static async Task<FiredMessages> SubscribeAsync(string url, string subject)
    {
        var connection = await NatsConnection.ConnectAsync(url);
        var subscription = await connection.SubscribeAsync(subject);
        await connection.FlushAsync();
        return new FiredMessages(connection, subscription);
    }

    /// <summary>The next message's JSON body; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> NextAsync(TimeSpan timeout, string because)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var message = await _subscription.Msgs.ReadAsync(cts.Token);
            using var document = JsonDocument.Parse(message.Data);
            return document.RootElement.Clone();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the trigger did not fire within {timeout.TotalSeconds:0.#} s: {because}");
        }
    }

    /// <summary>Asserts that nothing arrives for <paramref name="quiet"/>.</summary>
    public async Task AssertNoneAsync(TimeSpan quiet, string because)
    {
        using var cts = new CancellationTokenSource(quiet);
        try
        {
            var message = await _subscription.Msgs.ReadAsync(cts.Token);
            throw new InvalidOperationException($"the trigger fired but should not have ({because}): {Encoding.UTF8.GetString(message.Data.Span)}");
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _subscription.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
