using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArgoEvents.ServiceDefaults.Health;

/// <summary>
/// Answers a probe from the checks carrying one tag: <c>200 ok</c> when none is unhealthy, otherwise 503 and a
/// short JSON list of the failing checks, so an operator sees why without reading logs.
/// </summary>
internal sealed class HealthEndpoint(HealthCheckService healthChecks, string tag)
{
    public async Task HandleAsync(HttpContext context)
    {
        var report = await healthChecks.CheckHealthAsync(r => r.Tags.Contains(tag), context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        if (report.Status != HealthStatus.Unhealthy)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("ok", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(FailureJson(report), context.RequestAborted).ConfigureAwait(false);
    }

    private static byte[] FailureJson(HealthReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", "unhealthy");
            json.WriteStartArray("failing");
            foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (entry.Status != HealthStatus.Unhealthy)
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("description", entry.Description ?? entry.Exception?.Message ?? "unhealthy");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
