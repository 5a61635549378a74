using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArgoEvents.Sensors.Triggers.Log;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Bench.Sensors;

/// <summary>
/// A logging sink doing what a plain-text log sink does: every entry becomes one line (time, level, category, the
/// formatted message and each structured field) written through a buffered stream (here /dev/null, so the disk is
/// not measured). It also counts the log trigger's entries, and when latency is being recorded reads the publish
/// stamp each entry's event data carries.
/// </summary>
public sealed class LineLogSink : ILoggerProvider
{
    private const string TriggerCategory = "ArgoEvents.Sensors.Triggers.Log";

    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new(512);
    private long _entries;
    private long _target = long.MaxValue;
    private TaskCompletionSource<long> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LatencyRecorder? _latencies;

    public LineLogSink(Stream output)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024);
    }

    /// <summary>Log trigger entries written so far.</summary>
    public long Entries => Interlocked.Read(ref _entries);

    /// <summary>Lines written so far, of every category.</summary>
    public long Lines { get; private set; }

    /// <summary>
    /// Returns a task completing with the <see cref="Stopwatch"/> timestamp at which the log trigger's entry count
    /// reached <paramref name="target"/>.
    /// </summary>
    public Task<long> WhenEntriesReach(long target)
    {
        lock (_gate)
        {
            _target = target;
            _reached = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_entries >= target)
            {
                _reached.TrySetResult(Stopwatch.GetTimestamp());
            }

            return _reached.Task;
        }
    }

    /// <summary>Records publish-to-log latencies into <paramref name="recorder"/> (null stops recording).</summary>
    public void RecordLatencies(LatencyRecorder? recorder)
    {
        lock (_gate)
        {
            _latencies = recorder;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private void Write<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        var now = DateTime.UtcNow;
        lock (_gate)
        {
            _line.Clear();
            _line.Append(now.ToString("O", CultureInfo.InvariantCulture)).Append(' ').Append(LevelName(level)).Append(' ')
                .Append(category).Append('[').Append(eventId.Id).Append("] ").Append(message);
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                for (var i = 0; i < fields.Count; i++)
                {
                    var (key, value) = fields[i];
                    if (key == "{OriginalFormat}")
                    {
                        continue;
                    }

                    _line.Append(' ').Append(key).Append('=');
                    AppendValue(value);
                }
            }

            if (exception is not null)
            {
                _line.Append(" exception=").Append(exception);
            }

            _line.Append('\n');
            foreach (var chunk in _line.GetChunks())
            {
                _writer.Write(chunk.Span);
            }

            Lines++;
            if (state is LogTriggerEntry entry && category == TriggerCategory)
            {
                _latencies?.AddFromData(entry.Data);
                if (++_entries >= _target)
                {
                    _reached.TrySetResult(Stopwatch.GetTimestamp());
                }
            }
        }
    }

    private void AppendValue(object? value)
    {
        switch (value)
        {
            case null:
                _line.Append("null");
                break;
            case string text:
                _line.Append('"').Append(text).Append('"');
                break;
            case IFormattable formattable:
                _line.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                _line.Append(value);
                break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private sealed class Logger(LineLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Write(category, logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
