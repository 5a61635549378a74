using ArgoEvents.EventBus.JetStream;
using Xunit;

namespace ArgoEvents.EventBus.Tests.JetStream.Unit;

public sealed class AckMetadataTests
{
    [Fact]
    public void Parses_the_9_token_form_2_9_sends()
    {
        var metadata = AckMetadata.Parse("$JS.ACK.ORDERS.proc.1.4.1.1795345601592724390.4");

        Assert.Equal("ORDERS", metadata.Stream);
        Assert.Equal("proc", metadata.Consumer);
        Assert.Equal(1UL, metadata.NumDelivered);
        Assert.Equal(4UL, metadata.StreamSequence);
        Assert.Equal(1UL, metadata.ConsumerSequence);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(1795345601592724390 / 100), metadata.Timestamp);
        Assert.Equal(4UL, metadata.NumPending);
        Assert.Null(metadata.Domain);
    }

    [Fact]
    public void Parses_the_11_token_form_with_a_domain()
    {
        var metadata = AckMetadata.Parse("$JS.ACK.hub.ACCHASH.ORDERS.proc.3.40.12.1700000000000000000.0");

        Assert.Equal("hub", metadata.Domain);
        Assert.Equal("ORDERS", metadata.Stream);
        Assert.Equal("proc", metadata.Consumer);
        Assert.Equal(3UL, metadata.NumDelivered);
        Assert.Equal(40UL, metadata.StreamSequence);
        Assert.Equal(12UL, metadata.ConsumerSequence);
        Assert.Equal(0UL, metadata.NumPending);
    }

    [Fact]
    public void Underscore_domain_means_no_domain_and_a_trailing_random_token_is_ignored()
    {
        var metadata = AckMetadata.Parse("$JS.ACK._.ACCHASH.ORDERS.proc.1.2.3.1700000000000000000.9.xyz123");

        Assert.Null(metadata.Domain);
        Assert.Equal(2UL, metadata.StreamSequence);
        Assert.Equal(9UL, metadata.NumPending);
    }

    [Theory]
    [InlineData("$JS.ACK.ORDERS.proc.1.4.1.17953456.4.x", "10 tokens")]
    [InlineData("$JS.ACK.ORDERS.proc.1.4.1", "7 tokens")]
    [InlineData("$JS.ACK.ORDERS.proc.one.4.1.1795345601592724390.4", "delivered count 'one' (token 5)")]
    [InlineData("$JS.ACK.ORDERS.proc.1.-4.1.1795345601592724390.4", "stream sequence '-4' (token 6)")]
    [InlineData("$JS.ACK.ORDERS.proc.1.4.1.1795345601592724390.", "empty pending count (token 9)")]
    [InlineData("$JS.ACK..proc.1.4.1.1795345601592724390.4", "empty stream (token 3)")]
    [InlineData("$JS.ACK.hub.HASH.ORDERS.proc.1.4.x.1795345601592724390.4", "consumer sequence 'x' (token 9)")]
    [InlineData("_INBOX.abc.1", "does not start with '$JS.ACK.'")]
    public void Malformed_subjects_are_refused_saying_what_is_wrong(string subject, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => AckMetadata.Parse(subject));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(subject, ex.Message, StringComparison.Ordinal);
        Assert.False(AckMetadata.TryParse(subject, out _));
    }

    [Fact]
    public void Too_many_tokens_are_refused()
    {
        var subject = "$JS.ACK.d.h.S.C.1.2.3.4.5" + string.Concat(Enumerable.Repeat(".x", 10));

        var ex = Assert.Throws<FormatException>(() => AckMetadata.Parse(subject));

        Assert.Contains("21 tokens", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_accepts_valid_and_rejects_null()
    {
        Assert.True(AckMetadata.TryParse("$JS.ACK.S.C.1.2.3.4.5", out var metadata));
        Assert.Equal(5UL, metadata.NumPending);
        Assert.False(AckMetadata.TryParse(null, out _));
    }
}
