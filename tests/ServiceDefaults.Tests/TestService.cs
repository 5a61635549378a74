using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.ServiceDefaults.Tests;

/// <summary>A real Kestrel service with the service defaults, on a free loopback port.</summary>
internal sealed class TestService : IAsyncDisposable
{
    private TestService(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static WebApplicationBuilder CreateBuilder(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ApplicationName = "argo-events-tests" });
        // Blank values override whatever the machine's environment sets, so tests see only what they ask for.
        var effective = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [SettingNames.OtlpEndpoint] = string.Empty,
            [SettingNames.OtlpProtocol] = string.Empty,
            [SettingNames.ServiceName] = string.Empty,
            [SettingNames.ShutdownGracePeriod] = string.Empty,
            [SettingNames.ShutdownDrainDelay] = string.Empty,
            [SettingNames.PodNamespace] = string.Empty,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            effective[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(effective);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder;
    }

    public static async Task<TestService> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<ServiceDefaultsOptions>? configure = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? map = null)
    {
        var builder = CreateBuilder(settings);
        builder.AddServiceDefaults(configure);
        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestService(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        var lifetime = App.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        if (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await App.StopAsync(deadline.Token);
        }

        await App.DisposeAsync();
    }
}
