using System.Diagnostics;
using ArgoEvents.EventBus.CloudEvents;
using Xunit;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

public sealed class CloudEventTracingTests
{
    private static Activity StartW3CActivity(string? traceState)
    {
        var activity = new Activity("publish");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        activity.TraceStateString = traceState;
        return activity.Start();
    }

    [Fact]
    public void Trace_context_is_written_from_an_activity_and_read_back()
    {
        using var activity = StartW3CActivity("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
        var cloudEvent = new CloudEvent("1", "s", "t");

        cloudEvent.SetTraceContext(activity);

        Assert.Equal(activity.Id, cloudEvent.Extensions[CloudEventTracing.TraceParentAttribute].AsString());
        Assert.Equal("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", cloudEvent.Extensions[CloudEventTracing.TraceStateAttribute].AsString());
        Assert.True(cloudEvent.TryGetTraceContext(out var context));
        Assert.Equal(activity.TraceId, context.TraceId);
        Assert.Equal(activity.SpanId, context.SpanId);
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.Equal(activity.TraceStateString, context.TraceState);
        Assert.True(context.IsRemote);
    }

    [Fact]
    public void Trace_context_survives_the_json_format()
    {
        using var activity = StartW3CActivity("vendor=value");
        var cloudEvent = new CloudEvent("1", "s", "t");
        cloudEvent.SetTraceContext(activity);

        var parsed = CloudEventJsonFormat.Parse(CloudEventJsonFormat.Serialize(cloudEvent));

        Assert.True(parsed.TryGetTraceContext(out var context));
        Assert.Equal(activity.TraceId, context.TraceId);
        Assert.Equal(activity.SpanId, context.SpanId);
        Assert.Equal("vendor=value", context.TraceState);
    }

    [Fact]
    public void Trace_context_survives_binary_http_headers()
    {
        using var activity = StartW3CActivity("vendor=a b");
        var cloudEvent = new CloudEvent("1", "s", "t");
        cloudEvent.SetTraceContext(activity);

        var parsed = CloudEventHttpBinding.Read(null, CloudEventHttpBinding.CreateBinaryHeaders(cloudEvent), ReadOnlyMemory<byte>.Empty);

        Assert.True(parsed.TryGetTraceContext(out var context));
        Assert.Equal(activity.SpanId, context.SpanId);
        Assert.Equal("vendor=a b", context.TraceState);
    }

    [Fact]
    public void An_unsampled_context_writes_flags_zero()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        var cloudEvent = new CloudEvent("1", "s", "t");

        cloudEvent.SetTraceContext(context);

        Assert.Equal(
            $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-00",
            cloudEvent.Extensions[CloudEventTracing.TraceParentAttribute].AsString());
        Assert.False(cloudEvent.TryGetExtension(CloudEventTracing.TraceStateAttribute, out _));
    }

    [Fact]
    public void Setting_a_context_without_trace_state_removes_an_old_one()
    {
        using var activity = StartW3CActivity("old=state");
        var cloudEvent = new CloudEvent("1", "s", "t");
        cloudEvent.SetTraceContext(activity);

        cloudEvent.SetTraceContext(new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded));

        Assert.False(cloudEvent.TryGetExtension(CloudEventTracing.TraceStateAttribute, out _));
    }

    [Fact]
    public void A_hierarchical_activity_is_refused()
    {
        using var activity = new Activity("legacy");
        activity.SetIdFormat(ActivityIdFormat.Hierarchical);
        activity.Start();

        var ex = Assert.Throws<ArgumentException>(() => new CloudEvent("1", "s", "t").SetTraceContext(activity));

        Assert.Contains("W3C", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_context_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CloudEvent("1", "s", "t").SetTraceContext(default(ActivityContext)));
    }

    [Fact]
    public void An_event_without_traceparent_has_no_trace_context()
    {
        Assert.False(new CloudEvent("1", "s", "t").TryGetTraceContext(out var context));
        Assert.Equal(default, context);
    }

    [Theory]
    [InlineData("not-a-traceparent")]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")]
    public void An_invalid_traceparent_gives_no_trace_context(string traceParent)
    {
        var cloudEvent = new CloudEvent("1", "s", "t");
        cloudEvent.SetExtension(CloudEventTracing.TraceParentAttribute, CloudEventAttributeValue.FromString(traceParent));

        Assert.False(cloudEvent.TryGetTraceContext(out _));
    }

    [Fact]
    public void A_traceparent_of_another_type_gives_no_trace_context()
    {
        var cloudEvent = new CloudEvent("1", "s", "t");
        cloudEvent.SetExtension(CloudEventTracing.TraceParentAttribute, CloudEventAttributeValue.FromInteger(1));

        Assert.False(cloudEvent.TryGetTraceContext(out _));
    }
}
