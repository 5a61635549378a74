using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.KeyValue;
using Xunit;

namespace ArgoEvents.EventBus.Tests.KeyValue.Unit;

public sealed class KeyValueConfigTests
{
    [Fact]
    public void Bucket_maps_to_the_ADR_8_stream()
    {
        var stream = new KeyValueConfig("state") { History = 3, NumReplicas = 3, MaxBytes = 1000, MaxValueSize = 100, Storage = StorageType.Memory }.ToStreamConfig();

        Assert.Equal("KV_state", stream.Name);
        Assert.Equal(["$KV.state.>"], stream.Subjects!);
        Assert.Equal(3, stream.MaxMsgsPerSubject);
        Assert.Equal(3, stream.NumReplicas);
        Assert.Equal(1000, stream.MaxBytes);
        Assert.Equal(100, stream.MaxMsgSize);
        Assert.Equal(StorageType.Memory, stream.Storage);
        Assert.Equal(DiscardPolicy.New, stream.Discard);
        Assert.Equal(RetentionPolicy.Limits, stream.Retention);
        Assert.True(stream.AllowRollupHeaders);
        Assert.True(stream.DenyDelete);
        Assert.True(stream.AllowDirect);
        Assert.Equal(TimeSpan.Zero, stream.MaxAge);
        Assert.Equal(TimeSpan.FromMinutes(2), stream.DuplicateWindow);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(600, 120)]
    public void Duplicate_window_never_exceeds_the_ttl(int ttlSeconds, int windowSeconds)
    {
        var stream = new KeyValueConfig("b") { Ttl = TimeSpan.FromSeconds(ttlSeconds) }.ToStreamConfig();

        Assert.Equal(TimeSpan.FromSeconds(ttlSeconds), stream.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(windowSeconds), stream.DuplicateWindow);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void History_outside_1_to_64_is_refused(int history)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KeyValueConfig("b") { History = history }.ToStreamConfig());

        Assert.Equal(nameof(KeyValueConfig.History), ex.ParamName);
    }

    [Fact]
    public void Invalid_bucket_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new KeyValueConfig("a.b").ToStreamConfig());
    }

    [Fact]
    public void Conflict_message_says_create_or_update()
    {
        var inner = new InvalidOperationException("x");

        Assert.Contains("already has a value (revision 4)", new KeyValueRevisionConflictException("b", "k", 0, 4, inner).Message, StringComparison.Ordinal);
        Assert.Contains("is at revision 9, not 7", new KeyValueRevisionConflictException("b", "k", 7, 9, inner).Message, StringComparison.Ordinal);
        Assert.Contains("revision unknown", new KeyValueRevisionConflictException("b", "k", 7, null, inner).Message, StringComparison.Ordinal);
    }
}
