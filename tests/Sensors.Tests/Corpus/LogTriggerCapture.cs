using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>Records the entries the log trigger writes (its structured state carries the trigger's name).</summary>
internal sealed class LogTriggerCapture : ILoggerProvider
{
    private const string Category = "ArgoEvents.Sensors.Triggers.Log";

    public ConcurrentQueue<(string TriggerName, string Data)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? new Recorder(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Recorder(LogTriggerCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields &&
                fields.FirstOrDefault(f => f.Key == "TriggerName").Value is string triggerName)
            {
                capture.Entries.Enqueue((triggerName, formatter(state, exception)));
            }
        }
    }
}
