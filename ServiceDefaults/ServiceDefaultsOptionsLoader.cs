using ArgoEvents.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;

namespace ArgoEvents.ServiceDefaults;

/// <summary>Fills <see cref="ServiceDefaultsOptions"/> from configuration and checks the result.</summary>
internal static class ServiceDefaultsOptionsLoader
{
    private static readonly string[] SupportedOtlpProtocols = ["grpc", "http/protobuf"];

    public static ServiceDefaultsOptions Load(IConfiguration configuration, Action<ServiceDefaultsOptions>? configure)
    {
        var options = new ServiceDefaultsOptions
        {
            ShutdownGracePeriod = ReadDuration(configuration, SettingNames.ShutdownGracePeriod) ?? ServiceDefaultsOptions.DefaultShutdownGracePeriod,
            ShutdownDrainDelay = ReadDuration(configuration, SettingNames.ShutdownDrainDelay) ?? TimeSpan.Zero,
            Namespace = NonEmpty(configuration[SettingNames.PodNamespace]) ?? ServiceDefaultsOptions.DefaultNamespace,
        };

        configure?.Invoke(options);
        Validate(options);
        ValidateOtlpSettings(configuration);
        return options;
    }

    /// <summary>Reads a duration setting; null when absent or blank.</summary>
    /// <exception cref="InvalidOperationException">The value is not a non-negative duration; the message names the key.</exception>
    public static TimeSpan? ReadDuration(IConfiguration configuration, string key)
    {
        var text = NonEmpty(configuration[key]);
        if (text is null)
        {
            return null;
        }

        TimeSpan value;
        try
        {
            value = GoDuration.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Setting {key}=\"{text}\" is not a duration: {e.Message}.", e);
        }

        if (value < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Setting {key}=\"{text}\" is negative; it must be zero or more.");
        }

        return value;
    }

    private static void Validate(ServiceDefaultsOptions options)
    {
        if (options.ShutdownGracePeriod < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(ServiceDefaultsOptions)}.{nameof(ServiceDefaultsOptions.ShutdownGracePeriod)} is {options.ShutdownGracePeriod}; it must be zero or more.");
        }

        if (options.ShutdownDrainDelay < TimeSpan.Zero || options.ShutdownDrainDelay > options.ShutdownGracePeriod)
        {
            throw new InvalidOperationException(
                $"{nameof(ServiceDefaultsOptions)}.{nameof(ServiceDefaultsOptions.ShutdownDrainDelay)} is {options.ShutdownDrainDelay}; " +
                $"it must be between zero and the grace period ({options.ShutdownGracePeriod}), because it is spent inside it.");
        }

        if (string.IsNullOrWhiteSpace(options.Namespace))
        {
            throw new InvalidOperationException($"{nameof(ServiceDefaultsOptions)}.{nameof(ServiceDefaultsOptions.Namespace)} is empty; it is the namespace label of every Argo metric.");
        }
    }

    private static void ValidateOtlpSettings(IConfiguration configuration)
    {
        var endpoint = NonEmpty(configuration[SettingNames.OtlpEndpoint]);
        if (endpoint is not null
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException(
                $"Setting {SettingNames.OtlpEndpoint}=\"{endpoint}\" is not an absolute http:// or https:// address, e.g. \"http://localhost:4317\".");
        }

        var protocol = NonEmpty(configuration[SettingNames.OtlpProtocol]);
        if (protocol is not null && !SupportedOtlpProtocols.Contains(protocol, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Setting {SettingNames.OtlpProtocol}=\"{protocol}\" is not supported; use \"grpc\" or \"http/protobuf\".");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
