using System.Diagnostics;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Xunit;

namespace ArgoEvents.ServiceDefaults.Tests;

// Alone: the tracer provider listens to every ASP.NET Core request in the process, other tests' hosts included.
[CollectionDefinition(nameof(OtlpExportTests), DisableParallelization = true)]
[Collection(nameof(OtlpExportTests))]
public sealed class OtlpExportTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Traces_metrics_and_logs_reach_an_otlp_http_receiver_by_the_time_the_host_stops()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var serviceName = "argo-svc-" + Guid.NewGuid().ToString("N");
        var sourceName = "Argo.Test.Source." + Guid.NewGuid().ToString("N");
        var spanName = "publish-" + Guid.NewGuid().ToString("N");
        var logText = "log-" + Guid.NewGuid().ToString("N");
        var instanceId = "replica-" + Guid.NewGuid().ToString("N");
        await using var service = await TestService.StartAsync(
            new Dictionary<string, string?>
            {
                [SettingNames.OtlpEndpoint] = receiver.Endpoint.ToString().TrimEnd('/'),
                [SettingNames.OtlpProtocol] = "http/protobuf",
                [SettingNames.ServiceName] = serviceName,
                ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=" + instanceId,
                // Periodic exports ten minutes apart: whatever arrives within the deadline came from the flush at stop.
                ["OTEL_BSP_SCHEDULE_DELAY"] = "600000",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "600000",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "600000",
            },
            configure: o => o.ActivitySourceNames.Add(sourceName),
            map: app => app.MapGet("/items/{id}", (string id) => Results.Text(id)));

        using (var source = new ActivitySource(sourceName))
        using (var activity = source.StartActivity(spanName))
        {
            Assert.NotNull(activity);
            Assert.True(activity.Recorded);
        }

        Assert.Equal("5", await service.Client.GetStringAsync("/items/5"));
        Assert.Equal("ok", await service.Client.GetStringAsync("/healthz"));
        service.App.Services.GetRequiredService<ArgoEventsMetrics>().EventSent("otlp-source", "otlp-event");
        service.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Argo.Test").LogWarning("{Marker} happened", logText);

        await service.App.StopAsync().WaitAsync(Deadline);

        var traces = await receiver.WaitForAsync("traces", e => e.Contains(spanName), Deadline);
        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.True(traces.Contains(serviceName), "the trace export does not carry the service name");
        Assert.True(traces.Contains(instanceId), "the trace export does not carry OTEL_RESOURCE_ATTRIBUTES");
        var request = await receiver.WaitForAsync("traces", e => e.Contains("GET /items/{id}"), Deadline);
        Assert.True(request.Contains("http.route"));
        // The flush at stop has completed every export: each request span was named by the enricher, and the
        // probe's span is not among them.
        Assert.DoesNotContain(receiver.Exports, e => e.Signal == "traces" && e.Contains("HttpRequestIn"));
        Assert.DoesNotContain(receiver.Exports, e => e.Signal == "traces" && e.Contains("GET /healthz"));

        var metrics = await receiver.WaitForAsync("metrics", e => e.Contains(ArgoEventsMetrics.EventsSentTotal), Deadline);
        Assert.True(metrics.Contains(serviceName));
        Assert.True(metrics.Contains("otlp-source"));

        var logs = await receiver.WaitForAsync("logs", e => e.Contains(logText), Deadline);
        Assert.True(logs.Contains(serviceName));
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported_and_the_service_runs()
    {
        await using var service = await TestService.StartAsync();
        Assert.Null(service.App.Services.GetService<TracerProvider>());
        using var response = await service.Client.GetAsync("/healthz");
        Assert.True(response.IsSuccessStatusCode);
    }
}
