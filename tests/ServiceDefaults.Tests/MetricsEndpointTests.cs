using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Metrics.Prometheus;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ArgoEvents.ServiceDefaults.Tests;

public sealed class MetricsEndpointTests
{
    private const string Namespace = "argo-events";

    [Fact]
    public async Task Argo_metrics_are_exposed_with_argo_names_types_and_labels()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { [SettingNames.PodNamespace] = Namespace });
        var metrics = service.App.Services.GetRequiredService<ArgoEventsMetrics>();

        metrics.EventServiceStarted("webhook");
        metrics.EventServiceStarted("webhook");
        metrics.EventServiceStopped("webhook");
        for (var i = 0; i < 3; i++)
        {
            metrics.EventSent("webhook", "example");
        }

        metrics.EventSentFailed("webhook", "example");
        metrics.EventProcessingFailed("webhook", "example");
        metrics.ActionTriggered("webhook-sensor", "http-trigger");
        metrics.ActionTriggered("webhook-sensor", "http-trigger");
        metrics.ActionFailed("webhook-sensor", "http-trigger");
        metrics.ActionRetriesFailed("webhook-sensor", "http-trigger");
        metrics.ActionDuration("webhook-sensor", "http-trigger", TimeSpan.FromMilliseconds(12));
        metrics.ActionDuration("webhook-sensor", "http-trigger", 30.5);

        using var response = await service.Client.GetAsync("/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var exposition = PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());

        var expectedTypes = new Dictionary<string, string>
        {
            ["argo_events_event_service_running_total"] = "gauge",
            ["argo_events_events_sent_total"] = "counter",
            ["argo_events_events_sent_failed_total"] = "counter",
            ["argo_events_events_processing_failed_total"] = "counter",
            ["argo_events_action_triggered_total"] = "counter",
            ["argo_events_action_failed_total"] = "counter",
            ["argo_events_action_retries_failed_total"] = "counter",
            ["argo_events_action_duration_milliseconds"] = "histogram",
        };
        foreach (var (name, type) in expectedTypes)
        {
            Assert.Equal(type, exposition.Types[name]);
            Assert.False(string.IsNullOrWhiteSpace(exposition.Help[name]));
        }

        var running = Assert.Single(exposition.Named("argo_events_event_service_running_total"));
        Assert.Equal(1, running.Value);
        AssertLabels(running, ("eventsource_name", "webhook"), ("namespace", Namespace));

        var sent = Assert.Single(exposition.Named("argo_events_events_sent_total"));
        Assert.Equal(3, sent.Value);
        AssertLabels(sent, ("event_name", "example"), ("eventsource_name", "webhook"), ("namespace", Namespace));
        Assert.Equal("argo_events_events_sent_total{event_name=\"example\",eventsource_name=\"webhook\",namespace=\"argo-events\"} 3", sent.Line);

        foreach (var name in new[] { "argo_events_events_sent_failed_total", "argo_events_events_processing_failed_total" })
        {
            var failed = Assert.Single(exposition.Named(name));
            Assert.Equal(1, failed.Value);
            AssertLabels(failed, ("event_name", "example"), ("eventsource_name", "webhook"), ("namespace", Namespace));
        }

        var triggered = Assert.Single(exposition.Named("argo_events_action_triggered_total"));
        Assert.Equal(2, triggered.Value);
        AssertLabels(triggered, ("namespace", Namespace), ("sensor_name", "webhook-sensor"), ("trigger_name", "http-trigger"));
        foreach (var name in new[] { "argo_events_action_failed_total", "argo_events_action_retries_failed_total" })
        {
            var failed = Assert.Single(exposition.Named(name));
            Assert.Equal(1, failed.Value);
            AssertLabels(failed, ("namespace", Namespace), ("sensor_name", "webhook-sensor"), ("trigger_name", "http-trigger"));
        }

        var actionCount = Assert.Single(exposition.Named("argo_events_action_duration_milliseconds_count"));
        Assert.Equal(2, actionCount.Value);
        Assert.Equal(42.5, Assert.Single(exposition.Named("argo_events_action_duration_milliseconds_sum")).Value, 6);
        AssertLabels(actionCount, ("namespace", Namespace), ("sensor_name", "webhook-sensor"), ("trigger_name", "http-trigger"));
    }

    [Fact]
    public async Task Histogram_buckets_are_cumulative_with_inf_sum_and_count()
    {
        await using var service = await TestService.StartAsync();
        var metrics = service.App.Services.GetRequiredService<ArgoEventsMetrics>();
        foreach (var milliseconds in new[] { 3.0, 5.0, 7.0, 120.0 })
        {
            metrics.EventProcessingDuration("calendar", "tick", milliseconds);
        }

        metrics.EventProcessingDuration("calendar", "tick", TimeSpan.FromSeconds(70));

        var exposition = PrometheusExposition.Parse(await service.Client.GetStringAsync("/metrics"));
        const string Name = "argo_events_event_processing_duration_milliseconds";
        Assert.Equal("histogram", exposition.Types[Name]);

        var buckets = exposition.Named(Name + "_bucket").ToList();
        Assert.All(buckets, b => Assert.Equal("le", b.LabelOrder[^1]));
        Assert.All(buckets, b => AssertLabels(b, ("event_name", "tick"), ("eventsource_name", "calendar"), ("le", b.Labels["le"]), ("namespace", "default")));
        var bounds = buckets.Select(b => b.Labels["le"]).ToList();
        Assert.Equal([.. HistogramBuckets.DefaultMilliseconds.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)), "+Inf"], bounds);

        var counts = buckets.ToDictionary(b => b.Labels["le"], b => b.Value);
        Assert.Equal(0, counts["0"]);
        Assert.Equal(2, counts["5"]);
        Assert.Equal(3, counts["10"]);
        Assert.Equal(3, counts["100"]);
        Assert.Equal(4, counts["250"]);
        Assert.Equal(4, counts["60000"]);
        Assert.Equal(5, counts["+Inf"]);
        for (var i = 1; i < buckets.Count; i++)
        {
            Assert.True(buckets[i].Value >= buckets[i - 1].Value, $"bucket {buckets[i].Labels["le"]} is below the one before");
        }

        Assert.Equal(70_135, Assert.Single(exposition.Named(Name + "_sum")).Value, 6);
        Assert.Equal(5, Assert.Single(exposition.Named(Name + "_count")).Value);
    }

    [Fact]
    public async Task Label_values_and_help_text_are_escaped()
    {
        var meterName = "Argo.Test.Escaping." + Guid.NewGuid().ToString("N");
        await using var service = await TestService.StartAsync(configure: o => o.MeterNames.Add(meterName));
        var awkward = "say \"hi\"\\ to\nthe bus";
        service.App.Services.GetRequiredService<ArgoEventsMetrics>().EventSent("webhook", awkward);
        var meter = service.App.Services.GetRequiredService<IMeterFactory>().Create(meterName);
        meter.CreateCounter<long>("escapes", description: "first line\nsecond \\ \"quoted\"").Add(1);

        var text = await service.Client.GetStringAsync("/metrics");
        Assert.Contains("event_name=\"say \\\"hi\\\"\\\\ to\\nthe bus\"", text, StringComparison.Ordinal);
        Assert.Contains("# HELP escapes_total first line\\nsecond \\\\ \"quoted\"\n", text, StringComparison.Ordinal);

        var exposition = PrometheusExposition.Parse(text);
        var sent = Assert.Single(exposition.Named("argo_events_events_sent_total"));
        Assert.Equal(awkward, sent.Labels["event_name"]);
        Assert.Equal("first line\nsecond \\ \"quoted\"", exposition.Help["escapes_total"]);
    }

    [Fact]
    public async Task Every_instrument_kind_of_a_service_meter_maps_to_its_prometheus_type()
    {
        var meterName = "Argo.Test.Kinds." + Guid.NewGuid().ToString("N");
        await using var service = await TestService.StartAsync(configure: o => o.MeterNames.Add(meterName));
        var meter = service.App.Services.GetRequiredService<IMeterFactory>().Create(meterName);

        var counter = meter.CreateCounter<long>("queue.messages");
        counter.Add(1, new KeyValuePair<string, object?>("queue", "a"), new KeyValuePair<string, object?>("partition", 1));
        counter.Add(2, new KeyValuePair<string, object?>("partition", 1), new KeyValuePair<string, object?>("queue", "a"));
        var upDown = meter.CreateUpDownCounter<int>("in.flight");
        upDown.Add(5);
        upDown.Add(-2);
        var gauge = meter.CreateGauge<long>("last.batch");
        gauge.Record(10);
        gauge.Record(7);
        meter.CreateObservableGauge("temperature", () => new Measurement<double>(21.5, new KeyValuePair<string, object?>("zone", "a")));
        meter.CreateObservableCounter("observed_total", () => 42L);
        meter.CreateObservableUpDownCounter("pool.size", () => -3);
        var advised = meter.CreateHistogram<double>("batch.size", unit: null, description: null, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 10] });
        advised.Record(1);
        advised.Record(5);
        advised.Record(50);

        var exposition = PrometheusExposition.Parse(await service.Client.GetStringAsync("/metrics"));

        Assert.Equal("counter", exposition.Types["queue_messages_total"]);
        var messages = Assert.Single(exposition.Named("queue_messages_total"));
        Assert.Equal(3, messages.Value);
        AssertLabels(messages, ("partition", "1"), ("queue", "a"));

        Assert.Equal("gauge", exposition.Types["in_flight"]);
        Assert.Equal(3, Assert.Single(exposition.Named("in_flight")).Value);
        Assert.Equal("gauge", exposition.Types["last_batch"]);
        Assert.Equal(7, Assert.Single(exposition.Named("last_batch")).Value);
        Assert.Equal("gauge", exposition.Types["temperature"]);
        Assert.Equal(21.5, Assert.Single(exposition.Named("temperature")).Value);
        Assert.Equal("counter", exposition.Types["observed_total"]);
        Assert.Equal(42, Assert.Single(exposition.Named("observed_total")).Value);
        Assert.Equal("gauge", exposition.Types["pool_size"]);
        Assert.Equal(-3, Assert.Single(exposition.Named("pool_size")).Value);

        Assert.Equal("histogram", exposition.Types["batch_size"]);
        var buckets = exposition.Named("batch_size_bucket").Select(b => (b.Labels["le"], b.Value)).ToList();
        Assert.Equal([("1", 1d), ("10", 2d), ("+Inf", 3d)], buckets);
    }

    [Fact]
    public async Task Families_are_sorted_and_repeated_scrapes_are_identical()
    {
        await using var service = await TestService.StartAsync();
        var metrics = service.App.Services.GetRequiredService<ArgoEventsMetrics>();
        metrics.EventSent("webhook", "b");
        metrics.EventSent("webhook", "a");
        metrics.ActionTriggered("sensor", "t");

        var first = await service.Client.GetStringAsync("/metrics");
        var argoFamilies = first.Split('\n').Where(l => l.StartsWith("# TYPE argo_", StringComparison.Ordinal)).ToList();
        Assert.Equal(argoFamilies.Order(StringComparer.Ordinal), argoFamilies);
        var sentLines = first.Split('\n').Where(l => l.StartsWith("argo_events_events_sent_total{", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sentLines.Count);
        Assert.Contains("event_name=\"a\"", sentLines[0], StringComparison.Ordinal);

        var second = await service.Client.GetStringAsync("/metrics");
        Assert.Equal(ArgoLines(first), ArgoLines(second));
    }

    [Fact]
    public async Task A_service_does_not_expose_another_hosts_metrics()
    {
        await using var mine = await TestService.StartAsync();
        await using var other = await TestService.StartAsync();
        other.App.Services.GetRequiredService<ArgoEventsMetrics>().EventSent("someone-elses-source", "e");
        mine.App.Services.GetRequiredService<ArgoEventsMetrics>().EventSent("my-source", "e");

        var text = await mine.Client.GetStringAsync("/metrics");
        Assert.Contains("my-source", text, StringComparison.Ordinal);
        Assert.DoesNotContain("someone-elses-source", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_beyond_the_cardinality_limit_are_dropped()
    {
        var meterName = "Argo.Test.Cardinality." + Guid.NewGuid().ToString("N");
        await using var service = await TestService.StartAsync(configure: o => o.MeterNames.Add(meterName));
        var counter = service.App.Services.GetRequiredService<IMeterFactory>().Create(meterName).CreateCounter<long>("requests");
        for (var i = 0; i < SeriesTable.MaxSeries + 50; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        counter.Add(1, new KeyValuePair<string, object?>("id", 0));
        var exposition = PrometheusExposition.Parse(await service.Client.GetStringAsync("/metrics"));
        var samples = exposition.Named("requests_total").ToList();
        Assert.Equal(SeriesTable.MaxSeries, samples.Count);
        Assert.Equal(2, samples.Single(s => s.Labels["id"] == "0").Value);
    }

    [Fact]
    public async Task The_runtime_meter_is_exposed_too()
    {
        await using var service = await TestService.StartAsync();
        var exposition = PrometheusExposition.Parse(await service.Client.GetStringAsync("/metrics"));
        Assert.Contains(exposition.Types.Keys, name => name.StartsWith("dotnet_", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ArgoLines(string text) =>
        text.Split('\n').Where(l => l.Contains("argo_events_", StringComparison.Ordinal));

    private static void AssertLabels(PrometheusExposition.Sample sample, params (string Name, string Value)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Name).Order(StringComparer.Ordinal), sample.Labels.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected)
        {
            Assert.True(sample.Has(name, value), $"{sample.Line} lacks {name}=\"{value}\"");
        }
    }
}
