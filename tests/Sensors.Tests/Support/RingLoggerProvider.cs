using ArgoEvents.Testing;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Tests.Support;

/// <summary>Keeps what the sensor logs in a <see cref="LogRing"/>, so a failing test shows the sequence of events.</summary>
internal sealed class RingLoggerProvider(LogRing ring) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RingLogger(ring, categoryName);

    public void Dispose()
    {
    }

    private sealed class RingLogger(LogRing ring, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var shortCategory = category[(category.LastIndexOf('.') + 1)..];
            ring.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {shortCategory}: {formatter(state, exception)}{(exception is null ? string.Empty : " | " + exception.Message)}");
        }
    }
}
