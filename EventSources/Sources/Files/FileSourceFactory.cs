using System.Text.RegularExpressions;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// The <c>file</c> type: <c>eventType</c>, <c>watchPathConfig {directory, path | pathRegexp}</c>, <c>polling</c> and
/// <c>metadata</c>. An <c>eventType</c> other than CREATE, WRITE, REMOVE, RENAME or CHMOD is refused: Argo compares it
/// exactly, so any other value would silently never fire.
/// </summary>
public sealed class FileSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.File;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (FileEventSource)source.Source;
        var field = $"spec.file.{source.Name}";

        if (spec.EventType is not { } eventType || !FileOpNames.Single.Contains(eventType))
        {
            throw new InvalidOperationException($"{field}.eventType: '{spec.EventType}' never matches; use one of {string.Join(", ", FileOpNames.Single)} (upper case, as fsnotify names them).");
        }

        if (!spec.Polling && !OperatingSystem.IsLinux())
        {
            throw new InvalidOperationException($"{field}: watching with inotify needs Linux; set polling: true.");
        }

        var options = new FileSourceOptions
        {
            EventSourceName = context.EventSourceName,
            EventName = source.Name,
            Path = Path(spec.WatchPathConfig, field),
            EventType = eventType,
            Polling = spec.Polling,
            Metadata = spec.Metadata,
        };
        return SourceParts.FromActive(new FileSource(options, context.Dispatcher, context.Metrics, context.Time, context.LoggerFactory.CreateLogger<FileSource>()));
    }

    private static WatchedPath Path(WatchPathConfig? config, string field)
    {
        if (config?.Directory is not { Length: > 0 } directory || !directory.StartsWith('/'))
        {
            throw new InvalidOperationException($"{field}.watchPathConfig.directory: must be an absolute directory, got '{config?.Directory}'.");
        }

        if (!string.IsNullOrEmpty(config.Path))
        {
            return WatchedPath.Exact(directory, config.Path);
        }

        if (string.IsNullOrEmpty(config.PathRegexp))
        {
            throw new InvalidOperationException($"{field}.watchPathConfig: needs path or pathRegexp.");
        }

        try
        {
            return WatchedPath.Pattern(directory, new Regex(config.PathRegexp, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{field}.watchPathConfig.pathRegexp: '{config.PathRegexp}' is not a valid regular expression: {e.Message}", e);
        }
    }
}
