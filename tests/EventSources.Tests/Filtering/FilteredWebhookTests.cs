using System.Net;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Filtering;

public sealed class FilteredWebhookTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private BusProbe _probe = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(nats.ClientUrl);
        await _probe.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Only_events_meeting_the_filter_reach_the_bus_and_dropped_ones_are_still_answered_success()
    {
        await using var host = await EventSourceTestHost.StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: filtered
            spec:
              webhook:
                example:
                  port: "12000"
                  endpoint: /example
                  method: POST
                  filter:
                    expression: 'body.kind == "keep" && body.n > 1 && header["Content-Type"][0] startsWith "application/json"'
            """, nats.ClientUrl);

        // Dropped: the filter is false; then the filter fails (string > int), which drops as Argo does.
        var dropped = await _http.PostAsync($"{host.WebhookUrl(12000)}/example", Json("""{"kind": "drop", "n": 2}"""));
        var failed = await _http.PostAsync($"{host.WebhookUrl(12000)}/example", Json("""{"kind": "keep", "n": "two"}"""));
        var kept = await _http.PostAsync($"{host.WebhookUrl(12000)}/example", Json("""{"kind": "keep", "n": 2}"""));
        await _probe.WaitForAsync(1);
        var events = await _probe.ReadAllAsync();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { dropped.StatusCode, failed.StatusCode, kept.StatusCode });
        var (subject, cloudEvent, _) = Assert.Single(events);
        Assert.Equal("default.filtered.example", subject);
        using var data = JsonDocument.Parse(cloudEvent.Data);
        Assert.Equal("keep", data.RootElement.GetProperty("body").GetProperty("kind").GetString());
        Assert.Equal(2, data.RootElement.GetProperty("body").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task A_refused_expression_stops_the_service_at_start_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EventSourceTestHost.StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: refused
            spec:
              webhook:
                example:
                  port: "12000"
                  endpoint: /example
                  method: POST
                  filter:
                    expression: body.tags | len()
            """, nats.ClientUrl));

        Assert.StartsWith("spec.webhook.example.filter.expression: pipes ('|') are not supported (column 11)", error.Message, StringComparison.Ordinal);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
