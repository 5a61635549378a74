using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.Nats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.ServiceDefaults.EventBus;

/// <summary>
/// The bus connection of the service, made in the background at start so that the HTTP server and the probes come
/// up at once: readiness stays false until the connection is up and the <c>default</c> stream exists. The server list
/// comes from <c>ConnectionStrings:eventbus</c>; the stream settings from <c>EventBus:Stream</c>.
/// </summary>
public sealed partial class EventBusConnection : IHostedService, IAsyncDisposable
{
    /// <summary>Name of the connection string.</summary>
    public const string ConnectionStringName = "eventbus";

    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<EventBusClient> _client = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _connecting;

    /// <summary>Configuration key of the client name the bus sees (monitoring shows it per connection).</summary>
    public const string ClientNameKey = "EventBus:ClientName";

    /// <summary>Creates the connection holder.</summary>
    public EventBusConnection(IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _configuration = configuration;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<EventBusConnection>();
    }

    /// <summary>Whether the bus is connected and the stream ensured.</summary>
    public bool IsReady => _client.Task.IsCompletedSuccessfully && _client.Task.Result.Connection.State == NatsConnectionState.Connected;

    /// <summary>Waits for the bus client.</summary>
    public Task<EventBusClient> GetClientAsync(CancellationToken cancellationToken) => _client.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = _configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} (env ConnectionStrings__{ConnectionStringName}) must name the bus servers, e.g. nats://127.0.0.1:4222.");
        var settings = StreamSettings(_configuration.GetSection("EventBus:Stream"));
        _connecting = ConnectAsync(connectionString, settings, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_connecting is not null)
        {
            await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_client.Task.IsCompletedSuccessfully)
        {
            await _client.Task.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads <see cref="EventStreamSettings"/> from configuration; absent keys keep Argo's defaults.</summary>
    public static EventStreamSettings StreamSettings(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var defaults = new EventStreamSettings();
        return new EventStreamSettings
        {
            Replicas = section.GetValue("Replicas", defaults.Replicas),
            MaxMsgs = section.GetValue("MaxMsgs", defaults.MaxMsgs),
            MaxBytes = section.GetValue("MaxBytes", defaults.MaxBytes),
            MaxAge = section.GetValue("MaxAge", defaults.MaxAge),
            Duplicates = section.GetValue("Duplicates", defaults.Duplicates),
            Retention = section.GetValue("Retention", defaults.Retention),
            Discard = section.GetValue("Discard", defaults.Discard),
        };
    }

    private async Task ConnectAsync(string connectionString, EventStreamSettings settings, CancellationToken cancellationToken)
    {
        var options = NatsConnectionString.Parse(connectionString, new NatsOptions { Name = _configuration[ClientNameKey] is { Length: > 0 } name ? name : "argo-events", LoggerFactory = _loggerFactory });
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            EventBusClient? client = null;
            try
            {
                client = new EventBusClient(await NatsConnection.ConnectAsync(options, cancellationToken).ConfigureAwait(false), ownsConnection: true);
                await client.EnsureStreamAsync(settings, cancellationToken).ConfigureAwait(false);
                _client.TrySetResult(client);
                LogReady(_logger, string.Join(",", options.Urls));
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NatsException or ArgumentException)
            {
                LogConnectFailed(_logger, attempt, e.Message);
                if (client is not null)
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        _client.TrySetCanceled(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event bus ready at {Servers}: connected, stream 'default' ensured")]
    private static partial void LogReady(ILogger logger, string servers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event bus not ready (attempt {Attempt}): {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, int attempt, string reason);
}
