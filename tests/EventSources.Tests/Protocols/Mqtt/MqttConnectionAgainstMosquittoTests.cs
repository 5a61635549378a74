using System.Diagnostics;
using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.Testing.Mqtt;
using Xunit;
using static ArgoEvents.EventSources.Tests.Protocols.Mqtt.MqttTestBroker;

namespace ArgoEvents.EventSources.Tests.Protocols.Mqtt;

public sealed class MqttConnectionAgainstMosquittoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connects_anonymously_and_a_qos0_message_round_trips_with_its_topic_and_payload()
    {
        await using var broker = await StartAsync();
        await using var subscriber = await ConnectAsync(broker.Url, "anon-sub");
        Assert.Equal(MqttConnectionState.Connected, subscriber.State);
        Assert.False(subscriber.SessionPresent);
        Assert.Equal(MqttQualityOfService.AtMostOnce, await subscriber.SubscribeAsync("greetings/#", MqttQualityOfService.AtMostOnce, Ct));

        await using var publisher = await ConnectAsync(broker.Url, "anon-pub");
        await publisher.PublishAsync("greetings/en", Text("hello"), cancellationToken: Ct);

        var message = Assert.Single(await ReceiveAsync(subscriber, 1));
        Assert.Equal(("greetings/en", "hello", MqttQualityOfService.AtMostOnce, (ushort)0, false), (message.Topic, Text(message), message.Qos, message.PacketId, message.Duplicate));
        Assert.True(message.IsAcknowledged);
    }

    [Fact]
    public async Task Disposing_sends_disconnect_ends_the_messages_and_completes_without_a_loss()
    {
        await using var broker = await StartAsync();
        var connection = await ConnectAsync(broker.Url, "closing");
        await connection.SubscribeAsync("c", MqttQualityOfService.AtLeastOnce, Ct);
        await connection.DisposeAsync();

        await connection.Completion.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(MqttConnectionState.Closed, connection.State);
        var closed = await Assert.ThrowsAsync<MqttException>(async () => await connection.ReceiveAsync(Ct));
        Assert.Contains("was closed", closed.Message, StringComparison.Ordinal);
        await foreach (var unexpected in connection.ReadAllAsync(Ct))
        {
            Assert.Fail($"Unexpected {unexpected}.");
        }

        await Assert.ThrowsAnyAsync<MqttException>(() => connection.PublishAsync("c", Text("late"), cancellationToken: Ct));
        await connection.DisposeAsync();
        Assert.True(
            await broker.Log.WaitForLineAsync(l => l.Contains("Client closing disconnected.", StringComparison.Ordinal), TimeSpan.FromSeconds(5), Ct),
            $"mosquitto did not log the DISCONNECT:{Environment.NewLine}{broker.Log.Tail(20)}");
    }

    [Fact]
    public async Task Credentials_are_accepted_and_a_wrong_password_or_no_user_is_refused_quickly_with_the_connack_code()
    {
        await using var broker = await StartAsync(new MosquittoOptions
        {
            AllowAnonymous = false,
            Users = new Dictionary<string, string> { ["argo"] = "s3cret" },
        });

        await using (var good = await ConnectAsync(broker.Url, "with-creds", configure: o => o with { Username = "argo", Password = "s3cret" }))
        {
            Assert.Equal(MqttQualityOfService.AtLeastOnce, await good.SubscribeAsync("x", MqttQualityOfService.AtLeastOnce, Ct));
        }

        var clock = Stopwatch.StartNew();
        var wrong = await Assert.ThrowsAsync<MqttConnectionRefusedException>(() => ConnectAsync(broker.Url, "bad-creds", configure: o => o with { Username = "argo", Password = "wrong" }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"The refusal took {clock.Elapsed}.");
        Assert.True(wrong.ReturnCode is MqttConnectReturnCode.BadUserNameOrPassword or MqttConnectReturnCode.NotAuthorized, $"Unexpected return code {wrong.ReturnCode}.");
        Assert.Contains(broker.Url, wrong.Message, StringComparison.Ordinal);
        Assert.Contains(MqttConnectionRefusedException.Describe(wrong.ReturnCode), wrong.Message, StringComparison.Ordinal);

        var anonymous = await Assert.ThrowsAsync<MqttConnectionRefusedException>(() => ConnectAsync(broker.Url, "no-creds"));
        Assert.Equal(MqttConnectReturnCode.NotAuthorized, anonymous.ReturnCode);
        Assert.Contains("not authorized", anonymous.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_fails_with_a_connection_error_naming_the_broker()
    {
        var port = ArgoEvents.Testing.FreePorts.Next();
        var error = await Assert.ThrowsAsync<MqttConnectionException>(() => ConnectAsync($"tcp://127.0.0.1:{port}", "nobody"));
        Assert.Contains($"tcp://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.IsNotType<MqttConnectionRefusedException>(error);
    }

    [Fact]
    public async Task A_listener_that_never_sends_connack_fails_the_connect_after_the_timeout_AgainstInTestSilentListener()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var accepting = listener.AcceptTcpClientAsync(Ct);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<MqttConnectionException>(() => ConnectAsync($"tcp://127.0.0.1:{port}", "silent", configure: o => o with { ConnectTimeout = TimeSpan.FromMilliseconds(500) }));
        Assert.Contains("sent no CONNACK within 500 ms", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The connect gave up after {clock.Elapsed}.");
        using var accepted = await accepting;
    }

    [Fact]
    public async Task A_full_message_buffer_pauses_reading_without_losing_messages_or_failing_keep_alive()
    {
        await using var broker = await StartAsync();
        await using var slow = await ConnectAsync(broker.Url, "slow", configure: o => o with { MessageBufferCapacity = 1, KeepAlive = TimeSpan.FromSeconds(1), PingTimeout = TimeSpan.FromSeconds(1) });
        await slow.SubscribeAsync("slow/#", MqttQualityOfService.AtLeastOnce, Ct);
        await using var publisher = await ConnectAsync(broker.Url, "slow-pub");
        for (var i = 0; i < 50; i++)
        {
            await publisher.PublishAsync($"slow/{i % 2}", Text($"s{i}"), i % 3 == 0 ? MqttQualityOfService.AtMostOnce : MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Equal(MqttConnectionState.Connected, slow.State);

        var received = new List<string>();
        while (received.Count < 50)
        {
            var message = Assert.Single(await ReceiveAsync(slow, 1));
            received.Add(Text(message));
            await message.AckAsync(Ct);
        }

        // MQTT orders messages per QoS level only: the broker may let a QoS 0 message overtake queued QoS 1 ones.
        var numbers = received.Select(r => int.Parse(r[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 50).Where(i => i % 3 == 0), numbers.Where(i => i % 3 == 0));
        Assert.Equal(Enumerable.Range(0, 50).Where(i => i % 3 != 0), numbers.Where(i => i % 3 != 0));
        Assert.Equal(MqttConnectionState.Connected, slow.State);
    }

    [Fact]
    public async Task Wildcard_subscriptions_at_qos_0_and_1_get_what_they_match_at_the_granted_qos_until_unsubscribed()
    {
        await using var broker = await StartAsync();
        await using var subscriber = await ConnectAsync(broker.Url, "wild-sub");
        var granted = await subscriber.SubscribeAsync(
            [new MqttTopicFilter("plant/+/temp", MqttQualityOfService.AtLeastOnce), new MqttTopicFilter("alerts/#", MqttQualityOfService.AtMostOnce)],
            Ct);
        Assert.Equal([MqttQualityOfService.AtLeastOnce, MqttQualityOfService.AtMostOnce], granted);

        await using var publisher = await ConnectAsync(broker.Url, "wild-pub");
        await publisher.PublishAsync("plant/a/temp", Text("1"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        await publisher.PublishAsync("plant/a/humidity", Text("not matched"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        await publisher.PublishAsync("plant/a/b/temp", Text("not matched either"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        await publisher.PublishAsync("alerts/fire/east", Text("2"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        await publisher.PublishAsync("plant/b/temp", Text("3"), MqttQualityOfService.AtMostOnce, cancellationToken: Ct);

        var messages = await ReceiveAsync(subscriber, 3);
        Assert.Equal(
            [("plant/a/temp", "1", MqttQualityOfService.AtLeastOnce), ("alerts/fire/east", "2", MqttQualityOfService.AtMostOnce), ("plant/b/temp", "3", MqttQualityOfService.AtMostOnce)],
            messages.Select(m => (m.Topic, Text(m), m.Qos)));
        Assert.NotEqual(0, messages[0].PacketId);
        Assert.False(messages[0].IsAcknowledged);
        await messages[0].AckAsync(Ct);
        Assert.True(messages[0].IsAcknowledged);
        Assert.Equal(0, subscriber.UnacknowledgedCount);

        await subscriber.UnsubscribeAsync(["alerts/#"], Ct);
        await publisher.PublishAsync("alerts/fire/west", Text("gone"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        await publisher.PublishAsync("plant/c/temp", Text("4"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        var last = Assert.Single(await ReceiveAsync(subscriber, 1));
        Assert.Equal("plant/c/temp", last.Topic);
        await AssertNothingArrivesAsync(subscriber, TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Ten_thousand_qos1_messages_with_explicit_acks_arrive_all_once_and_in_order_per_topic()
    {
        const int Count = 10_000;
        const int Topics = 4;
        await using var broker = await StartAsync(new MosquittoOptions { MaxQueuedMessages = 0 });
        await using var subscriber = await ConnectAsync(broker.Url, "bulk-sub");
        await subscriber.SubscribeAsync("bulk/+", MqttQualityOfService.AtLeastOnce, Ct);
        await using var publisher = await ConnectAsync(broker.Url, "bulk-pub");

        var clock = Stopwatch.StartNew();
        var receiving = Task.Run(async () =>
        {
            var next = new int[Topics];
            var received = 0;
            while (received < Count)
            {
                var message = await subscriber.ReceiveAsync(Ct);
                var topic = int.Parse(message.Topic["bulk/".Length..], System.Globalization.CultureInfo.InvariantCulture);
                var sequence = int.Parse(Text(message), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(MqttQualityOfService.AtLeastOnce, message.Qos);
                Assert.False(message.Duplicate);
                Assert.Equal(next[topic], sequence);
                next[topic] = sequence + 1;
                received++;
                await message.AckAsync(Ct);
            }

            return next;
        }, Ct);

        var publishes = new List<Task>(Count);
        var sequences = new int[Topics];
        for (var i = 0; i < Count; i++)
        {
            var topic = i % Topics;
            publishes.Add(publisher.PublishAsync($"bulk/{topic}", Text(sequences[topic]++.ToString(System.Globalization.CultureInfo.InvariantCulture)), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct));
        }

        await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var counts = await receiving.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(Enumerable.Repeat(Count / Topics, Topics), counts);
        Assert.Equal(0, subscriber.UnacknowledgedCount);
        await AssertNothingArrivesAsync(subscriber, TimeSpan.FromMilliseconds(300));
        TestContext.Current.SendDiagnosticMessage($"{Count} QoS 1 messages published and acknowledged in {clock.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public async Task Unacknowledged_qos1_messages_come_back_with_dup_and_the_same_packet_ids_on_the_next_persistent_connection()
    {
        await using var broker = await StartAsync();
        await using var publisher = await ConnectAsync(broker.Url, "redeliver-pub");
        List<MqttMessage> first;
        await using (var subscriber = await ConnectAsync(broker.Url, "redeliver-sub", cleanSession: false))
        {
            await subscriber.SubscribeAsync("orders/+", MqttQualityOfService.AtLeastOnce, Ct);
            for (var i = 0; i < 10; i++)
            {
                await publisher.PublishAsync($"orders/{i % 2}", Text($"m{i}"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
            }

            first = await ReceiveAsync(subscriber, 10);
            Assert.All(first, m => Assert.False(m.Duplicate));
            foreach (var message in first.Take(5))
            {
                await message.AckAsync(Ct);
            }

            Assert.Equal(5, subscriber.UnacknowledgedCount);
            await subscriber.SubscribeAsync("sync/after-acks", MqttQualityOfService.AtMostOnce, Ct);
        }

        await using (var resumed = await ConnectAsync(broker.Url, "redeliver-sub", cleanSession: false))
        {
            Assert.True(resumed.SessionPresent);
            var again = await ReceiveAsync(resumed, 5);
            Assert.Equal(first.Skip(5).Select(m => (m.Topic, Text(m), m.PacketId)), again.Select(m => (m.Topic, Text(m), m.PacketId)));
            Assert.All(again, m => Assert.True(m.Duplicate, $"{m} lacks the DUP flag."));
            foreach (var message in again)
            {
                await message.AckAsync(Ct);
            }

            // A SUBACK comes back only after the broker has read every packet sent before it, PUBACKs included.
            await resumed.SubscribeAsync("sync/after-acks", MqttQualityOfService.AtMostOnce, Ct);
        }

        await using var settled = await ConnectAsync(broker.Url, "redeliver-sub", cleanSession: false);
        Assert.True(settled.SessionPresent);
        await AssertNothingArrivesAsync(settled, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Pubacks_leave_in_arrival_order_so_acking_later_messages_first_leaves_the_earlier_one_and_them_unacknowledged()
    {
        await using var broker = await StartAsync();
        await using var publisher = await ConnectAsync(broker.Url, "order-pub");
        await using (var subscriber = await ConnectAsync(broker.Url, "order-sub", cleanSession: false))
        {
            await subscriber.SubscribeAsync("jobs", MqttQualityOfService.AtLeastOnce, Ct);
            for (var i = 0; i < 3; i++)
            {
                await publisher.PublishAsync("jobs", Text($"j{i}"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
            }

            var messages = await ReceiveAsync(subscriber, 3);
            await messages[2].AckAsync(Ct);
            await messages[1].AckAsync(Ct);
            Assert.Equal(3, subscriber.UnacknowledgedCount);
        }

        await using (var resumed = await ConnectAsync(broker.Url, "order-sub", cleanSession: false))
        {
            var again = await ReceiveAsync(resumed, 3);
            Assert.Equal(["j0", "j1", "j2"], again.Select(Text));
            await again[2].AckAsync(Ct);
            await again[1].AckAsync(Ct);
            Assert.Equal(3, resumed.UnacknowledgedCount);
            await again[0].AckAsync(Ct);
            Assert.Equal(0, resumed.UnacknowledgedCount);

            // The next connection takes the session over; the broker must have read these PUBACKs before that.
            await resumed.SubscribeAsync("sync/after-acks", MqttQualityOfService.AtMostOnce, Ct);
        }

        await using var settled = await ConnectAsync(broker.Url, "order-sub", cleanSession: false);
        await AssertNothingArrivesAsync(settled, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Keep_alive_pings_hold_an_idle_connection_open_past_the_brokers_one_and_a_half_intervals()
    {
        await using var broker = await StartAsync();
        await using var idle = await ConnectAsync(broker.Url, "idle", configure: o => o with { KeepAlive = TimeSpan.FromSeconds(1) });
        await idle.SubscribeAsync("idle/echo", MqttQualityOfService.AtLeastOnce, Ct);

        await Task.Delay(TimeSpan.FromSeconds(4), Ct);

        Assert.Equal(MqttConnectionState.Connected, idle.State);
        Assert.True(idle.PingRequestsSent >= 3, $"Only {idle.PingRequestsSent} PINGREQs in 4 s at a 1 s keep-alive.");
        await idle.PublishAsync("idle/echo", Text("still here"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        Assert.Equal("still here", Text(Assert.Single(await ReceiveAsync(idle, 1))));
    }

    [Fact]
    public async Task A_frozen_broker_that_stops_answering_pingreq_is_reported_as_a_lost_connection()
    {
        await using var broker = await StartAsync();
        await using var connection = await ConnectAsync(broker.Url, "frozen", configure: o => o with { KeepAlive = TimeSpan.FromSeconds(1), PingTimeout = TimeSpan.FromSeconds(1) });
        broker.Pause();
        try
        {
            var clock = Stopwatch.StartNew();
            var lost = await Assert.ThrowsAsync<MqttConnectionLostException>(() => connection.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The loss was noticed after {clock.Elapsed}.");
            Assert.Contains("no PINGRESP", lost.Message, StringComparison.Ordinal);
            Assert.Equal(MqttConnectionState.Lost, connection.State);
            await Assert.ThrowsAsync<MqttConnectionLostException>(async () => await connection.ReceiveAsync(Ct));
            await Assert.ThrowsAsync<MqttConnectionLostException>(() => connection.PublishAsync("t", Text("x"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct));
        }
        finally
        {
            broker.Resume();
        }
    }

    [Fact]
    public async Task A_killed_broker_ends_messages_pending_publishes_and_acks_with_the_loss()
    {
        await using var broker = await StartAsync();
        await using var subscriber = await ConnectAsync(broker.Url, "victim", cleanSession: false);
        await subscriber.SubscribeAsync("v", MqttQualityOfService.AtLeastOnce, Ct);
        await using (var publisher = await ConnectAsync(broker.Url, "victim-pub"))
        {
            await publisher.PublishAsync("v", Text("unacked"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        }

        var message = await subscriber.ReceiveAsync(Ct);
        broker.Kill();

        var lost = await Assert.ThrowsAsync<MqttConnectionLostException>(() => subscriber.Completion.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Contains("closed the connection", lost.Message, StringComparison.Ordinal);
        var ack = await Assert.ThrowsAsync<MqttConnectionLostException>(async () => await message.AckAsync(Ct));
        Assert.Contains($"packet {message.PacketId}", ack.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MqttConnectionLostException>(() => subscriber.SubscribeAsync("w", MqttQualityOfService.AtMostOnce, Ct));
        await Assert.ThrowsAsync<MqttConnectionLostException>(async () =>
        {
            await foreach (var unexpected in subscriber.ReadAllAsync(Ct))
            {
                Assert.Fail($"Unexpected {unexpected}.");
            }
        });
    }

    [Fact]
    public async Task After_broker_restarts_a_new_persistent_connection_gets_the_messages_queued_while_it_was_away()
    {
        await using var broker = await StartAsync(new MosquittoOptions { Persistence = true });
        var subscriber = await ConnectAsync(broker.Url, "durable", cleanSession: false);
        try
        {
            await subscriber.SubscribeAsync("queue/#", MqttQualityOfService.AtLeastOnce, Ct);
            await broker.RestartAsync(Ct);
            var lost = await Assert.ThrowsAsync<MqttConnectionLostException>(() => subscriber.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct));
            Assert.Contains(broker.Url, lost.Message, StringComparison.Ordinal);
            Assert.Equal(MqttConnectionState.Lost, subscriber.State);
        }
        finally
        {
            await subscriber.DisposeAsync();
        }

        await using (var publisher = await ConnectAsync(broker.Url, "durable-pub"))
        {
            for (var i = 0; i < 50; i++)
            {
                await publisher.PublishAsync($"queue/{i % 3}", Text($"q{i}"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
            }
        }

        // The queue must survive a second restart too: it lives in mosquitto.db, not only in memory.
        await broker.RestartAsync(Ct);

        await using var resumed = await ConnectAsync(broker.Url, "durable", cleanSession: false);
        Assert.True(resumed.SessionPresent);
        var queued = new List<MqttMessage>();
        while (queued.Count < 50)
        {
            var batch = await ReceiveAsync(resumed, 1);
            queued.AddRange(batch);
            await batch[0].AckAsync(Ct);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"q{i}"), queued.Select(Text));
        await AssertNothingArrivesAsync(resumed, TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Tls_connects_to_an_ssl_url_trusting_the_brokers_ca_and_refuses_an_untrusted_certificate()
    {
        var directory = Directory.CreateTempSubdirectory("argo-mqtt-tls-").FullName;
        try
        {
            var files = MosquittoTlsFiles.Create(directory);
            await using var broker = await StartAsync(new MosquittoOptions { Tls = files });
            using var ca = files.LoadCa();

            await using (var trusted = await ConnectAsync(broker.TlsUrl, "tls-ok", configure: o => o with { Tls = new MqttTlsOptions { CertificateAuthorities = [ca] } }))
            {
                await trusted.SubscribeAsync("secure", MqttQualityOfService.AtLeastOnce, Ct);
                await trusted.PublishAsync("secure", Text("over tls"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
                Assert.Equal("over tls", Text(Assert.Single(await ReceiveAsync(trusted, 1))));
            }

            var untrusted = await Assert.ThrowsAsync<MqttConnectionException>(() => ConnectAsync(broker.TlsUrl, "tls-untrusted"));
            Assert.Contains("TLS handshake failed", untrusted.Message, StringComparison.Ordinal);

            await using var insecure = await ConnectAsync(broker.TlsUrl, "tls-insecure", configure: o => o with { Tls = new MqttTlsOptions { InsecureSkipVerify = true } });
            Assert.Equal(MqttConnectionState.Connected, insecure.State);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
