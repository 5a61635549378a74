using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.Testing.Mqtt;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Mqtt;

/// <summary>Starts real mosquitto brokers and reads from connections with deadlines, for the client tests.</summary>
internal static class MqttTestBroker
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<MosquittoProcess> StartAsync(MosquittoOptions? options = null)
    {
        var broker = new MosquittoProcess(options);
        try
        {
            await broker.StartAsync(TestContext.Current.CancellationToken);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    public static Task<MqttConnection> ConnectAsync(string url, string clientId, bool cleanSession = true, Func<MqttOptions, MqttOptions>? configure = null)
    {
        var options = new MqttOptions { Url = url, ClientId = clientId, CleanSession = cleanSession };
        return MqttConnection.ConnectAsync(configure is null ? options : configure(options), TestContext.Current.CancellationToken);
    }

    /// <summary>Reads exactly <paramref name="count"/> messages; fails naming how many came when the deadline passes.</summary>
    public static async Task<List<MqttMessage>> ReceiveAsync(MqttConnection connection, int count, TimeSpan? within = null)
    {
        var received = new List<MqttMessage>(count);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(within ?? Patience);
        try
        {
            while (received.Count < count)
            {
                received.Add(await connection.ReceiveAsync(deadline.Token));
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"Only {received.Count} of {count} MQTT messages arrived within {(within ?? Patience).TotalSeconds:0} s.");
        }

        return received;
    }

    /// <summary>Asserts that nothing arrives on <paramref name="connection"/> for <paramref name="quiet"/>.</summary>
    public static async Task AssertNothingArrivesAsync(MqttConnection connection, TimeSpan quiet)
    {
        await Task.Delay(quiet, TestContext.Current.CancellationToken);
        if (connection.Messages.TryRead(out var unexpected))
        {
            Assert.Fail($"Expected no message, got {unexpected}.");
        }
    }

    public static byte[] Text(string value) => System.Text.Encoding.UTF8.GetBytes(value);

    public static string Text(MqttMessage message) => System.Text.Encoding.UTF8.GetString(message.Payload.Span);
}
