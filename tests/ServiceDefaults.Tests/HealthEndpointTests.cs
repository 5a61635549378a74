using System.Net;
using System.Text.Json;
using ArgoEvents.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ArgoEvents.ServiceDefaults.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task A_healthy_service_answers_ok_on_both_probes()
    {
        await using var service = await TestService.StartAsync();

        foreach (var path in new[] { "/healthz", "/readyz" })
        {
            using var response = await service.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_failing_readiness_check_makes_readyz_503_with_its_name_but_leaves_liveness_alone()
    {
        var busConnected = new Flag();
        await using var service = await TestService.StartAsync(configureBuilder: builder => builder.Services.AddHealthChecks()
            .AddReadinessCheck("eventbus", _ => busConnected.Value, "not connected to the event bus")
            .AddReadinessCheck("leader", _ => true, "neither leader nor standby"));

        using (var notReady = await service.Client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("application/json", notReady.Content.Headers.ContentType?.MediaType);
            using var body = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync());
            Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
            var failing = Assert.Single(body.RootElement.GetProperty("failing").EnumerateArray());
            Assert.Equal("eventbus", failing.GetProperty("name").GetString());
            Assert.Equal("not connected to the event bus", failing.GetProperty("description").GetString());
        }

        using (var alive = await service.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        busConnected.Value = true;
        using var ready = await service.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_liveness_check_makes_healthz_503()
    {
        await using var service = await TestService.StartAsync(configureBuilder: builder => builder.Services.AddHealthChecks()
            .AddLivenessCheck("dispatcher", _ => false, "the dispatch loop is stuck"));

        using var response = await service.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var failing = Assert.Single(body.RootElement.GetProperty("failing").EnumerateArray());
        Assert.Equal("dispatcher", failing.GetProperty("name").GetString());

        using var ready = await service.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task A_readiness_check_that_throws_is_reported_as_failing_with_its_error()
    {
        await using var service = await TestService.StartAsync(configureBuilder: builder => builder.Services.AddHealthChecks()
            .AddReadinessCheck("kv", _ => throw new InvalidOperationException("bucket missing"), "kv not ready"));

        using var response = await service.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var failing = Assert.Single(body.RootElement.GetProperty("failing").EnumerateArray());
        Assert.Equal("kv", failing.GetProperty("name").GetString());
        Assert.Contains("bucket missing", failing.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_the_endpoints_without_the_service_defaults_says_what_is_missing()
    {
        var builder = TestService.CreateBuilder();
        using var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapDefaultEndpoints());
        Assert.Contains("AddServiceDefaults", error.Message, StringComparison.Ordinal);
    }

    private sealed class Flag
    {
        private volatile bool _value;

        public bool Value { get => _value; set => _value = value; }
    }
}
