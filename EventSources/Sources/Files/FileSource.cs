using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// One file event: watches its directory (inotify, or polling) and publishes each change to a matching path whose
/// operation is <c>eventType</c>. A watch that ends (queue overflow, directory removed or missing) fails the run, so
/// the runner starts it again with back-off. Changes made while no watch runs are not seen, as in Argo.
/// </summary>
public sealed partial class FileSource : IActiveSource
{
    private readonly FileSourceOptions _options;
    private readonly IEventDispatcher _dispatcher;
    private readonly ArgoEventsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the source.</summary>
    public FileSource(FileSourceOptions options, IEventDispatcher dispatcher, ArgoEventsMetrics metrics, TimeProvider time, ILogger<FileSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string EventName => _options.EventName;

    /// <inheritdoc />
    public Task RunAsync(CancellationToken cancellationToken)
        => _options.Polling ? PollAsync(cancellationToken) : WatchAsync(cancellationToken);

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var watcher = InotifyWatcher.Start(_options.Path.Directory);
        LogWatching(_logger, _options.EventSourceName, EventName, _options.Path.Directory, "inotify");
        while (await watcher.Changes.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (watcher.Changes.TryRead(out var change))
            {
                await HandleAsync(change, cancellationToken).ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new IOException($"the inotify watch of {_options.Path.Directory} ended.");
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var previous = DirectorySnapshot.Take(_options.Path.Directory);
        LogWatching(_logger, _options.EventSourceName, EventName, _options.Path.Directory, "polling");
        while (true)
        {
            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            var current = DirectorySnapshot.Take(_options.Path.Directory);
            foreach (var change in current.ChangesSince(previous))
            {
                await HandleAsync(change, cancellationToken).ConfigureAwait(false);
            }

            previous = current;
        }
    }

    private async Task HandleAsync(FileChange change, CancellationToken cancellationToken)
    {
        if (change.Operation != _options.EventType || !_options.Path.Matches(change.Name))
        {
            return;
        }

        var started = _time.GetTimestamp();
        try
        {
            var payload = FilePayload.Build(change.Name, FileOpNames.Parse(change.Operation), _options.Metadata);
            await _dispatcher.DispatchAsync(EventName, payload, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // As in Argo, a change that cannot be published is counted and the watch goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _metrics.EventProcessingFailed(_options.EventSourceName, EventName);
            LogPublishFailed(_logger, e, _options.EventSourceName, EventName, change.Operation, change.Name);
        }
        finally
        {
            _metrics.EventProcessingDuration(_options.EventSourceName, EventName, _time.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "File {EventSource}.{EventName}: watching {Directory} ({Mode})")]
    private static partial void LogWatching(ILogger logger, string eventSource, string eventName, string directory, string mode);

    [LoggerMessage(Level = LogLevel.Error, Message = "File {EventSource}.{EventName}: publishing {Operation} of {Name} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string eventSource, string eventName, string operation, string name);
}
