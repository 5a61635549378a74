using ArgoEvents.ServiceDefaults.Metrics.Prometheus;
using Xunit;

namespace ArgoEvents.ServiceDefaults.Tests;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("\\\"\n", "\\\\\\\"\\n")]
    public void Label_values_escape_backslash_quote_and_newline(string raw, string escaped)
    {
        Assert.Equal(escaped, PrometheusText.EscapeLabelValue(raw));
    }

    [Fact]
    public void Help_escapes_backslash_and_newline_but_not_quotes()
    {
        Assert.Equal("a \\\\ \"b\"\\nc", PrometheusText.EscapeHelp("a \\ \"b\"\nc"));
    }

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(0.25, "0.25")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(1e21, "1E+21")]
    public void Numbers_are_written_as_the_format_reads_them(double value, string text)
    {
        Assert.Equal(text, PrometheusText.Number(value));
    }

    [Theory]
    [InlineData("http.server.request.duration", "http_server_request_duration")]
    [InlineData("argo_events_events_sent_total", "argo_events_events_sent_total")]
    [InlineData("job:rate5m", "job:rate5m")]
    [InlineData("1st-metric", "_st_metric")]
    public void Metric_names_keep_only_legal_characters(string name, string expected)
    {
        Assert.Equal(expected, PrometheusText.MetricName(name));
    }

    [Theory]
    [InlineData("gc.heap.generation", "gc_heap_generation")]
    [InlineData("a:b", "a_b")]
    [InlineData("9lives", "_lives")]
    public void Label_names_keep_only_legal_characters(string name, string expected)
    {
        Assert.Equal(expected, PrometheusText.LabelName(name));
    }

    [Fact]
    public void Labels_that_collide_after_sanitizing_are_written_once()
    {
        KeyValuePair<string, object?>[] tags = [new("a.b", "first"), new("a_b", "second"), new("flag", true)];
        Assert.Equal("a_b=\"first\",flag=\"true\"", PrometheusText.Labels(tags));
    }
}
