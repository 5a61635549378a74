using System.Text;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.EventSources.Tests.Protocols.Mqtt;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Mqtt;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Mqtt;

/// <summary>What the mqtt source tests share: manifests, sessions made ahead, warm-up and exact counts on the bus.</summary>
internal static class MqttSourceHarness
{
    public static string Manifest(string name, string events) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {name}
        spec:
          mqtt:
        {events}
        """;

    /// <summary>
    /// Creates the persistent QoS 1 session of <paramref name="clientId"/> with its subscription, so that messages are
    /// queued for the source from now on, before it connects.
    /// </summary>
    public static async Task CreateSessionAsync(string url, string clientId, string topic)
    {
        await using var session = await MqttTestBroker.ConnectAsync(url, clientId, cleanSession: false);
        await session.SubscribeAsync(topic, MqttQualityOfService.AtLeastOnce, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// For a clean-session (QoS 0) source, whose subscription exists only once it is connected: publishes warm-up
    /// messages until one reaches the bus, then returns how many events the subject holds once stragglers landed.
    /// </summary>
    public static async Task<int> WarmUpAsync(MqttConnection publisher, string topic, BusProbe probe, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var i = 0; ; i++)
        {
            await publisher.PublishAsync(topic, Encoding.UTF8.GetBytes($$"""{"warm-up":{{i}}}"""), MqttQualityOfService.AtLeastOnce, cancellationToken: TestContext.Current.CancellationToken);
            if ((await probe.WaitForAsync(1, subject, TimeSpan.FromMilliseconds(300))).Count > 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The source did not subscribe within 30 s.");
        }

        await Task.Delay(500, TestContext.Current.CancellationToken);
        return (await probe.ReadAllAsync(subject)).Count;
    }

    /// <summary>Waits for <paramref name="count"/> events, then a little longer, and requires that no more arrived.</summary>
    public static async Task<List<(string Subject, CloudEvent Event, string? MsgId)>> WaitForExactlyAsync(
        BusProbe probe, int count, string subject, MosquittoProcess broker, TimeSpan? within = null)
    {
        var events = await probe.WaitForAsync(count, subject, within ?? TimeSpan.FromSeconds(20));
        Assert.True(events.Count >= count, $"{events.Count} of {count} events reached {subject}; broker log:\n{broker.LogTail(20)}");
        await Task.Delay(700, TestContext.Current.CancellationToken);
        events = await probe.ReadAllAsync(subject);
        Assert.Equal(count, events.Count);
        return events;
    }

    /// <summary>
    /// After the source stopped: connects as its client id to the persistent session and requires that the broker
    /// holds nothing unacknowledged for it.
    /// </summary>
    public static async Task AssertSessionHoldsNothingAsync(string url, string clientId)
    {
        await using var session = await MqttTestBroker.ConnectAsync(url, clientId, cleanSession: false);
        Assert.True(session.SessionPresent, $"The session of '{clientId}' is gone.");
        await MqttTestBroker.AssertNothingArrivesAsync(session, TimeSpan.FromMilliseconds(700));
    }

    public static string Data(CloudEvent cloudEvent) => Encoding.UTF8.GetString(cloudEvent.Data.Span);
}
