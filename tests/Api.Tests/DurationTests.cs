using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class DurationTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("168h", 604_800_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("300ms", 300)]
    [InlineData(".5s", 500)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("-2m", -120_000)]
    [InlineData("+2m", 120_000)]
    [InlineData("0", 0)]
    public void Go_duration_text_is_parsed(string text, long milliseconds)
    {
        var duration = GoDuration.Parse(text);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration.Value);
        Assert.Equal(text, duration.Text);
    }

    [Theory]
    [InlineData("1500us")]
    [InlineData("1500\u00b5s")]
    [InlineData("1500\u03bcs")]
    [InlineData("1500000ns")]
    public void Sub_millisecond_units_are_parsed(string text)
    {
        Assert.Equal(TimeSpan.FromMicroseconds(1500), GoDuration.Parse(text).Value);
    }

    [Theory]
    [InlineData("10", "missing unit after '10'")]
    [InlineData("10x", "unknown unit 'x'")]
    [InlineData("1d", "unknown unit 'd'")]
    [InlineData("s", "expected a number at 's'")]
    [InlineData("", "is not a Go duration")]
    [InlineData("1.2.3s", "missing unit after '1.2'")]
    [InlineData("3000000h", "longer than Go's largest duration")]
    public void Bad_duration_text_is_refused_with_the_reason(string text, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => GoDuration.Parse(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_duration_in_a_manifest_names_the_field_and_its_position()
    {
        var error = Manifests.LoadError("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: es
            spec:
              calendar:
                example:
                  interval: 10 seconds
            """, "calendar.yaml");

        Assert.Equal(
            "calendar.yaml:8:17: field 'spec.calendar.example.interval' is not a valid Go duration: '10 seconds' is not a Go duration: unknown unit ' seconds' (use ns, us, ms, s, m or h)",
            error.ToString());
    }

    [Fact]
    public void Every_duration_field_is_parsed()
    {
        var es = Manifests.EventSource("""
            calendar:
              example:
                interval: 90s
                persistence:
                  catchup:
                    enabled: true
                    maxDuration: 5m
            """);

        Assert.Equal(TimeSpan.FromMinutes(5), es.Spec.Calendar["example"].Persistence!.Catchup!.MaxDuration!.Value.Value);
        Assert.Equal(TimeSpan.FromSeconds(90), es.Spec.Calendar["example"].Interval!.Value.Value);
    }

    [Theory]
    [InlineData("1000000000", 1_000, 1_000_000_000L, null)]
    [InlineData("\"1s\"", 1_000, null, "1s")]
    [InlineData("1m", 60_000, null, "1m")]
    public void A_backoff_duration_is_nanoseconds_or_duration_text(string written, long milliseconds, long? nanoseconds, string? text)
    {
        var es = Manifests.EventSource($"""
            nats:
              example:
                url: nats://x
                subject: s
                connectionBackoff:
                  duration: {written}
            """);

        var duration = es.Spec.Nats["example"].ConnectionBackoff!.Duration!.Value;
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration.Value);
        Assert.Equal(nanoseconds, duration.Nanoseconds);
        Assert.Equal(text, duration.Text);
    }

    [Fact]
    public void A_bad_backoff_duration_is_an_error()
    {
        var error = Manifests.LoadError("apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata:\n  name: es\nspec:\n  kafka:\n    k:\n      connectionBackoff:\n        duration: soon\n");

        Assert.Equal(
            "test.yaml:9:19: field 'spec.kafka.k.connectionBackoff.duration' must be a number of nanoseconds or a Go duration: 'soon' is not a Go duration: expected a number at 'soon'",
            error.ToString());
    }

    [Fact]
    public void A_time_span_is_written_in_go_form()
    {
        Assert.Equal("1h30m0s", GoDuration.FromTimeSpan(TimeSpan.FromMinutes(90)).Text);
        Assert.Equal("1.5s", GoDuration.FromTimeSpan(TimeSpan.FromMilliseconds(1500)).Text);
        Assert.Equal(TimeSpan.FromMinutes(90), GoDuration.Parse(GoDuration.FromTimeSpan(TimeSpan.FromMinutes(90)).Text).Value);
    }
}
