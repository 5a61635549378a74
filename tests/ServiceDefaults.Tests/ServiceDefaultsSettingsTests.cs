using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace ArgoEvents.ServiceDefaults.Tests;

public sealed class ServiceDefaultsSettingsTests
{
    [Fact]
    public void Grace_period_defaults_to_sixty_seconds_and_becomes_the_host_shutdown_timeout()
    {
        using var host = BuildHost(new Dictionary<string, string?>());
        Assert.Equal(TimeSpan.FromSeconds(60), host.Services.GetRequiredService<ServiceDefaultsOptions>().ShutdownGracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(60), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("45s", 45)]
    [InlineData("45", 45)]
    [InlineData("2m", 120)]
    public void Grace_period_is_read_from_SHUTDOWN_GRACE_PERIOD(string value, int expectedSeconds)
    {
        using var host = BuildHost(new Dictionary<string, string?> { [SettingNames.ShutdownGracePeriod] = value });
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), host.Services.GetRequiredService<Shutdown.IShutdownSignal>().GracePeriod);
    }

    [Fact]
    public void The_configure_callback_has_the_last_word()
    {
        using var host = BuildHost(
            new Dictionary<string, string?> { [SettingNames.ShutdownGracePeriod] = "45s" },
            options => options.ShutdownGracePeriod = TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("soon", "no valid number")]
    [InlineData("10 minutes", "unknown unit")]
    [InlineData("-5s", "negative")]
    public void An_invalid_grace_period_names_the_setting_and_its_value(string value, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => BuildHost(new Dictionary<string, string?> { [SettingNames.ShutdownGracePeriod] = value }));
        Assert.Contains($"SHUTDOWN_GRACE_PERIOD=\"{value}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drain_delay_longer_than_the_grace_period_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BuildHost(new Dictionary<string, string?>
        {
            [SettingNames.ShutdownGracePeriod] = "10s",
            [SettingNames.ShutdownDrainDelay] = "20s",
        }));
        Assert.Contains("ShutdownDrainDelay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_otlp_protocol_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BuildHost(new Dictionary<string, string?> { [SettingNames.OtlpProtocol] = "http/json" }));
        Assert.Contains("OTEL_EXPORTER_OTLP_PROTOCOL=\"http/json\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:4317")]
    [InlineData("ftp://collector:4317")]
    [InlineData("/v1/traces")]
    public void An_otlp_endpoint_that_is_not_an_http_address_is_refused_by_name(string endpoint)
    {
        var error = Assert.Throws<InvalidOperationException>(() => BuildHost(new Dictionary<string, string?> { [SettingNames.OtlpEndpoint] = endpoint }));
        Assert.Contains($"OTEL_EXPORTER_OTLP_ENDPOINT=\"{endpoint}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_the_service_defaults_twice_is_refused()
    {
        var builder = TestService.CreateBuilder();
        builder.AddServiceDefaults();
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());
        Assert.Contains("already called", error.Message, StringComparison.Ordinal);
    }

    private static Microsoft.AspNetCore.Builder.WebApplication BuildHost(Dictionary<string, string?> settings, Action<ServiceDefaultsOptions>? configure = null)
    {
        var builder = TestService.CreateBuilder(settings);
        builder.AddServiceDefaults(configure);
        return builder.Build();
    }
}
