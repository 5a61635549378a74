using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Fixtures;
using Xunit;
using static ArgoEvents.EventBus.Tests.JetStream.Integration.JetStreamTestKit;

namespace ArgoEvents.EventBus.Tests.JetStream.Integration;

public sealed class PublishTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task PubAck_names_the_stream_and_sequence()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = await CreateStreamAsync(js);

        var first = await js.PublishAsync($"{name}.x", "a"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken);
        var second = await js.PublishAsync($"{name}.x", "b"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new PubAck(name, 1, false, null), first);
        Assert.Equal(new PubAck(name, 2, false, null), second);
    }

    [Fact]
    public async Task Repeated_msg_id_is_acknowledged_as_duplicate_with_the_original_sequence_and_not_stored()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = await CreateStreamAsync(js);
        var options = new JetStreamPublishOptions { MsgId = "event-1" };

        var original = await js.PublishAsync($"{name}.x", "a"u8.ToArray(), options, cancellationToken: TestContext.Current.CancellationToken);
        await js.PublishAsync($"{name}.x", "other"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken);
        var repeat = await js.PublishAsync($"{name}.x", "a"u8.ToArray(), options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(original.Duplicate);
        Assert.True(repeat.Duplicate);
        Assert.Equal(original.Sequence, repeat.Sequence);
        Assert.Equal(2UL, (await js.GetStreamInfoAsync(name, cancellationToken: TestContext.Current.CancellationToken)).State.Messages);
    }

    [Fact]
    public async Task Expected_last_sequence_mismatch_fails_with_10071_carrying_the_current_sequence()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = await CreateStreamAsync(js);
        await js.PublishAsync($"{name}.x", "a"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken);
        await js.PublishAsync($"{name}.y", "b"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.PublishAsync($"{name}.x", "c"u8.ToArray(), new JetStreamPublishOptions { ExpectedLastSequence = 1 }, cancellationToken: TestContext.Current.CancellationToken));
        var ok = await js.PublishAsync($"{name}.x", "c"u8.ToArray(), new JetStreamPublishOptions { ExpectedLastSequence = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(JetStreamErrorCode.WrongLastSequence, ex.ErrorCode);
        Assert.True(ex.TryGetCurrentSequence(out var current));
        Assert.Equal(2UL, current);
        Assert.Equal(3UL, ok.Sequence);
    }

    [Fact]
    public async Task Expected_subject_sequence_stream_and_msg_id_conditions_are_enforced()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = await CreateStreamAsync(js);
        await js.PublishAsync($"{name}.x", "a"u8.ToArray(), new JetStreamPublishOptions { MsgId = "id-1", ExpectedLastSubjectSequence = 0 }, cancellationToken: TestContext.Current.CancellationToken);

        var subject = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.PublishAsync($"{name}.x", "b"u8.ToArray(), new JetStreamPublishOptions { ExpectedLastSubjectSequence = 0 }, cancellationToken: TestContext.Current.CancellationToken));
        var stream = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.PublishAsync($"{name}.x", "b"u8.ToArray(), new JetStreamPublishOptions { ExpectedStream = "OTHER" }, cancellationToken: TestContext.Current.CancellationToken));
        var msgId = await Assert.ThrowsAsync<JetStreamApiException>(() =>
            js.PublishAsync($"{name}.x", "b"u8.ToArray(), new JetStreamPublishOptions { ExpectedLastMsgId = "id-0" }, cancellationToken: TestContext.Current.CancellationToken));
        var accepted = await js.PublishAsync(
            $"{name}.x",
            "b"u8.ToArray(),
            new JetStreamPublishOptions { ExpectedStream = name, ExpectedLastMsgId = "id-1", ExpectedLastSubjectSequence = 1 },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(JetStreamErrorCode.WrongLastSequence, subject.ErrorCode);
        Assert.Equal(JetStreamErrorCode.StreamMismatch, stream.ErrorCode);
        Assert.Equal(JetStreamErrorCode.WrongLastMsgId, msgId.ErrorCode);
        Assert.Equal(2UL, accepted.Sequence);
    }

    [Fact]
    public async Task Publish_to_a_subject_no_stream_captures_fails_after_the_retries()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl, new JetStreamOptions { PublishRetryAttempts = 2, PublishRetryWait = TimeSpan.FromMilliseconds(100) });
        await using var _ = connection;

        // Timers run on the coarse monotonic tick (4 ms steps at HZ=250), so a 100 ms wait may read a few ms short on
        // the precise clock; two waits still take well over 180 ms, and none (no retry wait) would take a few ms.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ex = await Assert.ThrowsAsync<JetStreamException>(() => js.PublishAsync(Unique("nowhere."), "x"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("3 attempt(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("503", ex.Message, StringComparison.Ordinal);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(180), $"two retry waits of 100 ms must have passed, but only {elapsed.TotalMilliseconds:F1} ms did");
    }

    [Fact]
    public async Task Caller_headers_travel_with_the_message_and_are_not_modified()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = await CreateStreamAsync(js);
        var headers = new NatsHeaders().Add("X-Id", "7");

        await js.PublishAsync($"{name}.x", "a"u8.ToArray(), new JetStreamPublishOptions { MsgId = "m" }, headers, TestContext.Current.CancellationToken);
        var stored = await js.GetMessageAsync(name, 1, TestContext.Current.CancellationToken);

        Assert.Equal(1, headers.Count);
        Assert.Equal("7", stored!.Headers!["X-Id"]);
        Assert.Equal("m", stored.Headers[JetStreamHeaders.MsgId]);
    }

    [Fact]
    public async Task Async_publisher_keeps_at_most_the_window_outstanding_and_every_ack_arrives_in_order()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = await CreateStreamAsync(js);
        var publisher = js.CreateAsyncPublisher(window: 16);
        var acks = new List<Task<PubAck>>();
        var maxOutstanding = 0;

        for (var i = 0; i < 2000; i++)
        {
            acks.Add(await publisher.PublishAsync($"{name}.x", Encoding.UTF8.GetBytes(i.ToString()), new JetStreamPublishOptions { MsgId = $"m{i}" }, cancellationToken: TestContext.Current.CancellationToken));
            maxOutstanding = Math.Max(maxOutstanding, publisher.Outstanding);
        }

        await publisher.WaitForAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, publisher.Outstanding);
        Assert.InRange(maxOutstanding, 1, 16);
        Assert.All(acks, a => Assert.True(a.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (ulong)i), acks.Select(a => a.Result.Sequence));
        Assert.Equal(2000UL, (await js.GetStreamInfoAsync(name, cancellationToken: TestContext.Current.CancellationToken)).State.Messages);
    }

    [Fact]
    public async Task Async_publisher_reports_a_refused_message_on_its_own_task()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = await CreateStreamAsync(js);
        var publisher = js.CreateAsyncPublisher();

        var good = await publisher.PublishAsync($"{name}.x", "a"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken);
        var refused = await publisher.PublishAsync($"{name}.x", "b"u8.ToArray(), new JetStreamPublishOptions { ExpectedStream = "OTHER" }, cancellationToken: TestContext.Current.CancellationToken);
        await publisher.WaitForAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1UL, (await good).Sequence);
        var ex = await Assert.ThrowsAsync<JetStreamApiException>(() => refused);
        Assert.Equal(JetStreamErrorCode.StreamMismatch, ex.ErrorCode);
        Assert.Equal(0, publisher.Outstanding);
    }

    private static async Task<string> CreateStreamAsync(JetStreamContext js)
    {
        var name = Unique("PUB");
        await js.CreateStreamAsync(new StreamConfig(name, $"{name}.>"), TestContext.Current.CancellationToken);
        return name;
    }
}
