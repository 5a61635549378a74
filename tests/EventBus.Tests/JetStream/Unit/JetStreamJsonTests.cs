using System.Text;
using System.Text.Json;
using ArgoEvents.EventBus.JetStream.Api;
using ArgoEvents.EventBus.JetStream.Models;
using Xunit;

namespace ArgoEvents.EventBus.Tests.JetStream.Unit;

public sealed class JetStreamJsonTests
{
    // Shaped like a real 2.9.10 STREAM.INFO reply on a cluster: nanosecond timestamps, Go zero time, ns durations.
    private const string StreamInfoReply = """
        {"type":"io.nats.jetstream.api.v1.stream_info_response","total":0,"offset":0,"limit":0,
         "config":{"name":"ORDERS","subjects":["orders.>"],"retention":"workqueue","max_consumers":-1,"max_msgs":-1,
           "max_bytes":-1,"max_age":3600000000000,"max_msgs_per_subject":-1,"max_msg_size":-1,"discard":"new",
           "storage":"memory","num_replicas":3,"duplicate_window":120000000000,"allow_direct":true,"mirror_direct":false,
           "sealed":false,"deny_delete":true,"deny_purge":false,"allow_rollup_hdrs":true,
           "republish":{"src":"orders.>","dest":"copy.>","headers_only":true}},
         "created":"2024-03-05T10:20:30.123456789Z",
         "state":{"messages":5,"bytes":320,"first_seq":1,"first_ts":"0001-01-01T00:00:00Z","last_seq":5,
           "last_ts":"2024-03-05T10:20:31.5Z","num_subjects":2,"consumer_count":1,"subjects":{"orders.a":3,"orders.b":2}},
         "cluster":{"name":"c1","leader":"n2","replicas":[{"name":"n1","current":true,"active":2500000,"lag":3},
           {"name":"n3","current":false,"offline":true,"active":0}]},
         "sources":[{"name":"OLD","lag":7,"active":-1,"error":{"code":404,"err_code":10059,"description":"stream not found"}}]}
        """;

    [Fact]
    public void StreamInfo_reads_every_field_of_a_2_9_reply()
    {
        var info = JsonSerializer.Deserialize(StreamInfoReply, JetStreamJsonContext.Default.StreamInfo)!;

        Assert.Equal("ORDERS", info.Config.Name);
        Assert.Equal(["orders.>"], info.Config.Subjects!);
        Assert.Equal(RetentionPolicy.WorkQueue, info.Config.Retention);
        Assert.Equal(StorageType.Memory, info.Config.Storage);
        Assert.Equal(DiscardPolicy.New, info.Config.Discard);
        Assert.Equal(TimeSpan.FromHours(1), info.Config.MaxAge);
        Assert.Equal(TimeSpan.FromMinutes(2), info.Config.DuplicateWindow);
        Assert.Equal(3, info.Config.NumReplicas);
        Assert.True(info.Config.AllowDirect);
        Assert.True(info.Config.DenyDelete);
        Assert.True(info.Config.AllowRollupHeaders);
        Assert.Equal("copy.>", info.Config.RePublish!.Destination);
        Assert.True(info.Config.RePublish.HeadersOnly);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 20, 30, TimeSpan.Zero).AddTicks(1234567), info.Created);
        Assert.Equal(5UL, info.State.Messages);
        Assert.Equal(DateTimeOffset.MinValue, info.State.FirstTime);
        Assert.Equal(2L, info.State.NumSubjects);
        Assert.Equal(3UL, info.State.Subjects!["orders.a"]);
        Assert.Equal(1, info.State.ConsumerCount);
        Assert.Equal("n2", info.Cluster!.Leader);
        Assert.Equal(TimeSpan.FromMilliseconds(2.5), info.Cluster.Replicas![0].Active);
        Assert.Equal(3UL, info.Cluster.Replicas[0].Lag);
        Assert.True(info.Cluster.Replicas[1].Offline);
        Assert.Equal(10059, info.Sources![0].Error!.ErrorCode);
    }

    [Fact]
    public void StreamConfig_writes_the_exact_2_9_field_names_with_nanosecond_durations()
    {
        var config = new StreamConfig("ORDERS", "orders.>")
        {
            MaxAge = TimeSpan.FromSeconds(2),
            DuplicateWindow = TimeSpan.FromMilliseconds(1500),
            AllowRollupHeaders = true,
            Placement = new Placement { Tags = ["ssd"] },
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(config, JetStreamJsonContext.Default.StreamConfig));
        var root = json.RootElement;

        Assert.Equal("ORDERS", root.GetProperty("name").GetString());
        Assert.Equal("orders.>", root.GetProperty("subjects")[0].GetString());
        Assert.Equal("limits", root.GetProperty("retention").GetString());
        Assert.Equal("file", root.GetProperty("storage").GetString());
        Assert.Equal("old", root.GetProperty("discard").GetString());
        Assert.Equal(-1, root.GetProperty("max_msgs").GetInt64());
        Assert.Equal(-1, root.GetProperty("max_bytes").GetInt64());
        Assert.Equal(-1, root.GetProperty("max_consumers").GetInt32());
        Assert.Equal(-1, root.GetProperty("max_msgs_per_subject").GetInt64());
        Assert.Equal(2_000_000_000L, root.GetProperty("max_age").GetInt64());
        Assert.Equal(1_500_000_000L, root.GetProperty("duplicate_window").GetInt64());
        Assert.Equal(1, root.GetProperty("num_replicas").GetInt32());
        Assert.True(root.GetProperty("allow_rollup_hdrs").GetBoolean());
        Assert.Equal("ssd", root.GetProperty("placement").GetProperty("tags")[0].GetString());
    }

    [Fact]
    public void StreamConfig_leaves_out_unset_2_10_fields_so_old_servers_never_see_them()
    {
        var json = JsonSerializer.Serialize(new StreamConfig("S", "s.>"), JetStreamJsonContext.Default.StreamConfig);

        foreach (var field in new[] { "compression", "first_seq", "subject_transform", "metadata", "consumer_limits", "allow_msg_ttl", "description", "mirror", "sources" })
        {
            Assert.DoesNotContain($"\"{field}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void StreamConfig_writes_2_10_fields_when_set()
    {
        var config = new StreamConfig("S", "s.>")
        {
            Compression = StreamCompression.S2,
            FirstSequence = 10,
            SubjectTransform = new SubjectTransform { Source = "a.>", Destination = "b.>" },
            Metadata = new Dictionary<string, string> { ["owner"] = "team" },
            ConsumerLimits = new StreamConsumerLimits { InactiveThreshold = TimeSpan.FromSeconds(1), MaxAckPending = 5 },
            AllowMsgTtl = true,
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(config, JetStreamJsonContext.Default.StreamConfig));
        var root = json.RootElement;

        Assert.Equal("s2", root.GetProperty("compression").GetString());
        Assert.Equal(10UL, root.GetProperty("first_seq").GetUInt64());
        Assert.Equal("b.>", root.GetProperty("subject_transform").GetProperty("dest").GetString());
        Assert.Equal("team", root.GetProperty("metadata").GetProperty("owner").GetString());
        Assert.Equal(1_000_000_000L, root.GetProperty("consumer_limits").GetProperty("inactive_threshold").GetInt64());
        Assert.True(root.GetProperty("allow_msg_ttl").GetBoolean());
    }

    [Fact]
    public void ConsumerConfig_writes_policies_by_their_wire_names_and_omits_server_defaults()
    {
        var config = new ConsumerConfig("proc")
        {
            DeliverPolicy = DeliverPolicy.ByStartSequence,
            OptStartSequence = 42,
            AckWait = TimeSpan.FromSeconds(5),
            MaxDeliver = 3,
            Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)],
            FilterSubject = "orders.new",
            ReplayPolicy = ReplayPolicy.Original,
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(config, JetStreamJsonContext.Default.ConsumerConfig));
        var root = json.RootElement;

        Assert.Equal("proc", root.GetProperty("durable_name").GetString());
        Assert.Equal("by_start_sequence", root.GetProperty("deliver_policy").GetString());
        Assert.Equal(42UL, root.GetProperty("opt_start_seq").GetUInt64());
        Assert.Equal("explicit", root.GetProperty("ack_policy").GetString());
        Assert.Equal(5_000_000_000L, root.GetProperty("ack_wait").GetInt64());
        Assert.Equal(3, root.GetProperty("max_deliver").GetInt32());
        Assert.Equal(2_000_000_000L, root.GetProperty("backoff")[1].GetInt64());
        Assert.Equal("orders.new", root.GetProperty("filter_subject").GetString());
        Assert.Equal("original", root.GetProperty("replay_policy").GetString());
        Assert.Equal(0, root.GetProperty("num_replicas").GetInt32());
        foreach (var field in new[] { "max_waiting", "max_ack_pending", "idle_heartbeat", "flow_control", "deliver_subject", "inactive_threshold", "filter_subjects", "metadata", "headers_only", "mem_storage" })
        {
            Assert.False(root.TryGetProperty(field, out _), $"'{field}' should be omitted when unset");
        }
    }

    [Theory]
    [InlineData(DeliverPolicy.All, "all")]
    [InlineData(DeliverPolicy.Last, "last")]
    [InlineData(DeliverPolicy.New, "new")]
    [InlineData(DeliverPolicy.ByStartSequence, "by_start_sequence")]
    [InlineData(DeliverPolicy.ByStartTime, "by_start_time")]
    [InlineData(DeliverPolicy.LastPerSubject, "last_per_subject")]
    public void Deliver_policies_round_trip_by_wire_name(DeliverPolicy policy, string wire)
    {
        var json = JsonSerializer.Serialize(new ConsumerConfig { DeliverPolicy = policy }, JetStreamJsonContext.Default.ConsumerConfig);
        Assert.Contains($"\"deliver_policy\":\"{wire}\"", json, StringComparison.Ordinal);
        Assert.Equal(policy, JsonSerializer.Deserialize(json, JetStreamJsonContext.Default.ConsumerConfig)!.DeliverPolicy);
    }

    [Theory]
    [InlineData(AckPolicy.None, "none")]
    [InlineData(AckPolicy.All, "all")]
    [InlineData(AckPolicy.Explicit, "explicit")]
    public void Ack_policies_round_trip_by_wire_name(AckPolicy policy, string wire)
    {
        var json = JsonSerializer.Serialize(new ConsumerConfig { AckPolicy = policy }, JetStreamJsonContext.Default.ConsumerConfig);
        Assert.Contains($"\"ack_policy\":\"{wire}\"", json, StringComparison.Ordinal);
        Assert.Equal(policy, JsonSerializer.Deserialize(json, JetStreamJsonContext.Default.ConsumerConfig)!.AckPolicy);
    }

    [Theory]
    [InlineData(RetentionPolicy.Limits, "limits")]
    [InlineData(RetentionPolicy.Interest, "interest")]
    [InlineData(RetentionPolicy.WorkQueue, "workqueue")]
    public void Retention_policies_round_trip_by_wire_name(RetentionPolicy policy, string wire)
    {
        var json = JsonSerializer.Serialize(new StreamConfig { Retention = policy }, JetStreamJsonContext.Default.StreamConfig);
        Assert.Contains($"\"retention\":\"{wire}\"", json, StringComparison.Ordinal);
        Assert.Equal(policy, JsonSerializer.Deserialize(json, JetStreamJsonContext.Default.StreamConfig)!.Retention);
    }

    [Fact]
    public void Unknown_enum_value_from_the_server_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"retention":"forever"}""", JetStreamJsonContext.Default.StreamConfig));
    }

    [Fact]
    public void ConsumerInfo_reads_a_2_9_reply()
    {
        const string reply = """
            {"type":"io.nats.jetstream.api.v1.consumer_create_response","stream_name":"ORDERS","name":"proc",
             "created":"2024-03-05T10:20:30.000000001Z",
             "config":{"durable_name":"proc","name":"proc","deliver_policy":"all","ack_policy":"explicit","ack_wait":30000000000,
               "max_deliver":-1,"filter_subject":"orders.>","replay_policy":"instant","max_waiting":512,"max_ack_pending":1000,"num_replicas":0},
             "delivered":{"consumer_seq":4,"stream_seq":9,"last_active":"2024-03-05T10:21:00Z"},
             "ack_floor":{"consumer_seq":2,"stream_seq":7},
             "num_ack_pending":2,"num_redelivered":1,"num_waiting":1,"num_pending":11,
             "cluster":{"leader":"n1"}}
            """;

        var info = JsonSerializer.Deserialize(reply, JetStreamJsonContext.Default.ConsumerInfo)!;

        Assert.Equal("ORDERS", info.StreamName);
        Assert.Equal("proc", info.Config.DurableName);
        Assert.Equal(TimeSpan.FromSeconds(30), info.Config.AckWait);
        Assert.Equal(-1, info.Config.MaxDeliver);
        Assert.Equal(512, info.Config.MaxWaiting);
        Assert.Equal(9UL, info.Delivered.StreamSequence);
        Assert.NotNull(info.Delivered.LastActive);
        Assert.Null(info.AckFloor.LastActive);
        Assert.Equal(2, info.NumAckPending);
        Assert.Equal(11UL, info.NumPending);
        Assert.Equal("n1", info.Cluster!.Leader);
    }

    [Fact]
    public void PullRequest_uses_idle_heartbeat_and_nanoseconds()
    {
        var body = JsonSerializer.Serialize(
            new PullRequest { Batch = 10, Expires = TimeSpan.FromSeconds(30), IdleHeartbeat = TimeSpan.FromSeconds(15) },
            JetStreamJsonContext.Default.PullRequest);

        Assert.Equal("""{"batch":10,"expires":30000000000,"idle_heartbeat":15000000000}""", body);
    }

    [Fact]
    public void PullRequest_no_wait_leaves_out_expiry()
    {
        var body = JsonSerializer.Serialize(new PullRequest { Batch = 3, NoWait = true }, JetStreamJsonContext.Default.PullRequest);

        Assert.Equal("""{"batch":3,"no_wait":true}""", body);
    }

    [Fact]
    public void PubAck_reply_reads_duplicate_and_domain()
    {
        var ack = JsonSerializer.Deserialize("""{"stream":"ORDERS","seq":17,"duplicate":true,"domain":"hub"}""", JetStreamJsonContext.Default.PubAckResponse)!;

        Assert.Equal(("ORDERS", 17UL, true, "hub"), (ack.Stream, ack.Sequence, ack.Duplicate, ack.Domain));
        Assert.Null(ack.Error);
    }

    [Fact]
    public void PubAck_failure_keeps_the_error_beside_stream_and_seq()
    {
        var ack = JsonSerializer.Deserialize(
            """{"error":{"code":400,"err_code":10071,"description":"wrong last sequence: 3"},"stream":"ORDERS","seq":0}""",
            JetStreamJsonContext.Default.PubAckResponse)!;

        Assert.Equal(10071, ack.Error!.ErrorCode);
        Assert.Equal(0UL, ack.Sequence);
    }

    [Fact]
    public void MsgGet_reply_decodes_base64_headers_and_data()
    {
        var headers = Convert.ToBase64String(Encoding.ASCII.GetBytes("NATS/1.0\r\nKV-Operation: DEL\r\n\r\n"));
        var data = Convert.ToBase64String("hello"u8.ToArray());
        var reply = $$$"""{"type":"io.nats.jetstream.api.v1.stream_msg_get_response","message":{"subject":"$KV.b.k","seq":4,"hdrs":"{{{headers}}}","data":"{{{data}}}","time":"2024-03-05T10:20:30.5Z"}}""";

        var message = JsonSerializer.Deserialize(reply, JetStreamJsonContext.Default.MsgGetResponse)!.Message!;

        Assert.Equal("$KV.b.k", message.Subject);
        Assert.Equal(4UL, message.Sequence);
        Assert.StartsWith("NATS/1.0\r\nKV-Operation: DEL", Encoding.ASCII.GetString(message.Headers!), StringComparison.Ordinal);
        Assert.Equal("hello"u8.ToArray(), message.Data);
    }

    [Fact]
    public void AccountInfo_reads_usage_limits_and_api_counters()
    {
        const string reply = """
            {"type":"io.nats.jetstream.api.v1.account_info_response","memory":10,"storage":2048,"streams":2,"consumers":3,
             "limits":{"max_memory":-1,"max_storage":-1,"max_streams":-1,"max_consumers":-1,"max_ack_pending":-1,
               "memory_max_stream_bytes":-1,"storage_max_stream_bytes":-1,"max_bytes_required":false},
             "api":{"total":40,"errors":2}}
            """;

        var info = JsonSerializer.Deserialize(reply, JetStreamJsonContext.Default.AccountInfo)!;

        Assert.Equal(2048UL, info.Storage);
        Assert.Equal(2, info.Streams);
        Assert.Equal(-1, info.Limits.MaxStorage);
        Assert.Equal(40UL, info.Api.Total);
        Assert.Equal(2UL, info.Api.Errors);
    }

    [Fact]
    public void Names_page_reads_paging_fields_and_tolerates_null_list()
    {
        var page = JsonSerializer.Deserialize("""{"total":0,"offset":0,"limit":1024,"streams":null}""", JetStreamJsonContext.Default.StreamNamesResponse)!;

        Assert.Equal(1024, page.Limit);
        Assert.Null(page.Streams);
    }

    [Fact]
    public void Duration_that_is_not_an_integer_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"max_age":"2s"}""", JetStreamJsonContext.Default.StreamConfig));

        Assert.Contains("nanoseconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_too_long_for_nanoseconds_is_refused()
    {
        var config = new StreamConfig("S") { MaxAge = TimeSpan.FromDays(365 * 300) };

        Assert.Throws<ArgumentOutOfRangeException>(() => JsonSerializer.Serialize(config, JetStreamJsonContext.Default.StreamConfig));
    }

    [Fact]
    public void Durations_keep_sub_millisecond_precision()
    {
        Assert.Equal(1_234_500L, NanosecondDurationConverter.ToNanoseconds(TimeSpan.FromTicks(12_345)));
        Assert.Equal(TimeSpan.FromTicks(12_345), NanosecondDurationConverter.FromNanoseconds(1_234_567));
    }
}
