using ArgoEvents.EventBus.JetStream.Api;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// JetStream over a <see cref="NatsConnection"/>: stream and consumer management, publishing with acknowledgement,
/// message reads, and the pull and ordered consumers. Cheap to create; holds no resources of its own.
/// </summary>
public sealed partial class JetStreamContext
{
    private readonly JetStreamApi _api;

    /// <summary>Creates a context on a connection.</summary>
    /// <param name="connection">The connection to use.</param>
    /// <param name="options">API prefix or domain, timeouts and publish retries; defaults when null.</param>
    public JetStreamContext(NatsConnection connection, JetStreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new JetStreamOptions();
        options.Validate();
        _api = new JetStreamApi(connection, options);
    }

    /// <summary>The connection the context uses.</summary>
    public NatsConnection Connection => _api.Connection;

    /// <summary>The options the context was made with.</summary>
    public JetStreamOptions Options => _api.Options;

    /// <summary>The API prefix in use, e.g. <c>$JS.API</c>.</summary>
    public string ApiPrefix => _api.Prefix;

    /// <summary>The version of the server the connection is on, or null before the first INFO.</summary>
    public Version? ServerVersion => Connection.ServerInfo?.ServerVersion;

    internal JetStreamApi Api => _api;

    /// <summary>Reads the account's JetStream usage and limits (<c>$JS.API.INFO</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account information.</returns>
    public Task<AccountInfo> GetAccountInfoAsync(CancellationToken cancellationToken = default)
        => _api.RequestAsync(_api.Subject("INFO"), ReadOnlyMemory<byte>.Empty, JetStreamJsonContext.Default.AccountInfo, cancellationToken);

    /// <summary>Throws when the connected server is too old for <paramref name="feature"/>.</summary>
    /// <param name="feature">The feature about to be used.</param>
    public void EnsureSupported(JetStreamFeature feature) => JetStreamFeatures.EnsureSupported(ServerVersion, feature);
}
