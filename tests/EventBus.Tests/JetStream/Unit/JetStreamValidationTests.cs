using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using Xunit;

namespace ArgoEvents.EventBus.Tests.JetStream.Unit;

public sealed class JetStreamValidationTests
{
    [Theory]
    [InlineData("ORDERS")]
    [InlineData("kv_bucket-1")]
    public void Valid_stream_and_consumer_names_pass(string name)
    {
        JetStreamNames.EnsureValidStreamName(name);
        JetStreamNames.EnsureValidConsumerName(name);
    }

    [Theory]
    [InlineData("a.b", "'.' at position 1")]
    [InlineData("a b", "'space' at position 1")]
    [InlineData("all>", "'>' at position 3")]
    [InlineData("*", "'*' at position 0")]
    [InlineData("x/y", "'/' at position 1")]
    [InlineData("", "must not be empty")]
    public void Invalid_stream_names_are_refused_saying_what_and_where(string name, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => JetStreamNames.EnsureValidStreamName(name));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("stream", ex.ParamName);
    }

    [Fact]
    public void Api_prefix_defaults_and_follows_domain_or_explicit_prefix()
    {
        Assert.Equal("$JS.API", new JetStreamOptions().ResolveApiPrefix());
        Assert.Equal("$JS.hub.API", new JetStreamOptions { Domain = "hub" }.ResolveApiPrefix());
        Assert.Equal("JS.acc.API", new JetStreamOptions { ApiPrefix = "JS.acc.API." }.ResolveApiPrefix());
    }

    [Fact]
    public void Domain_and_prefix_together_or_a_dotted_domain_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new JetStreamOptions { Domain = "d", ApiPrefix = "p" }.ResolveApiPrefix());
        var ex = Assert.Throws<ArgumentException>(() => new JetStreamOptions { Domain = "a.b" }.ResolveApiPrefix());
        Assert.Contains("'a.b'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_retry_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JetStreamOptions { PublishRetryAttempts = -1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new JetStreamOptions { PublishAttemptTimeout = TimeSpan.Zero }.Validate());
    }

    [Fact]
    public void Fetch_options_refuse_a_heartbeat_above_half_the_expiry()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FetchOptions { Expires = TimeSpan.FromSeconds(2), IdleHeartbeat = TimeSpan.FromSeconds(1.5) }.Validate());

        Assert.Equal(nameof(FetchOptions.IdleHeartbeat), ex.ParamName);
        new FetchOptions { Expires = TimeSpan.FromSeconds(2), IdleHeartbeat = TimeSpan.FromSeconds(1) }.Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => new FetchOptions { MaxMessages = 0 }.Validate());
    }

    [Theory]
    [InlineData(30, 15)]
    [InlineData(120, 30)]
    [InlineData(1, 0.5)]
    public void Consume_heartbeat_defaults_to_half_the_expiry_between_half_a_second_and_30_s(double expiresSeconds, double heartbeatSeconds)
    {
        var options = new ConsumeOptions { Expires = TimeSpan.FromSeconds(expiresSeconds) };

        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(heartbeatSeconds), options.EffectiveHeartbeat);
    }

    [Fact]
    public void Consume_threshold_is_a_percentage_of_the_buffer()
    {
        Assert.Equal(500, new ConsumeOptions().ThresholdMessages);
        Assert.Equal(25, new ConsumeOptions { MaxMessages = 100, ThresholdPercent = 25 }.ThresholdMessages);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConsumeOptions { ThresholdPercent = 101 }.Validate());
    }

    [Fact]
    public void Ordered_consumer_options_need_their_start_position()
    {
        Assert.Throws<ArgumentException>(() => new OrderedConsumerOptions { DeliverPolicy = DeliverPolicy.ByStartSequence }.Validate());
        Assert.Throws<ArgumentException>(() => new OrderedConsumerOptions { DeliverPolicy = DeliverPolicy.ByStartTime }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedConsumerOptions { IdleHeartbeat = TimeSpan.FromMilliseconds(50) }.Validate());
    }

    [Theory]
    [InlineData("2024-03-05T10:20:30.123456789Z", 1234567)]
    [InlineData("2024-03-05T10:20:30.5Z", 5000000)]
    [InlineData("2024-03-05T10:20:30Z", 0)]
    public void Rfc3339_keeps_seven_of_nine_fraction_digits(string text, long fractionTicks)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 20, 30, TimeSpan.Zero).AddTicks(fractionTicks), value);
    }

    [Fact]
    public void Rfc3339_keeps_an_offset_after_a_long_fraction()
    {
        Assert.True(Rfc3339.TryParse("2024-03-05T11:20:30.123456789+01:00", out var value));

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 20, 30, TimeSpan.Zero).AddTicks(1234567), value.ToUniversalTime());
        Assert.False(Rfc3339.TryParse("yesterday", out _));
    }
}
