using System.Text;
using ArgoEvents.Sensors.Events;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Triggers.Log;

/// <summary>
/// Logs each event of a firing at Information level, as Argo does: the message is the event data, with the dependency
/// name and the event context as fields. With <c>intervalSeconds</c> a firing within that interval of the last logged
/// one is counted but not logged.
/// </summary>
internal sealed class LogTrigger : ITrigger
{
    private static readonly EventId EventId = new(1, "TriggerLog");

    private readonly string _triggerName;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastLoggedTimestamp;

    public LogTrigger(string triggerName, TimeSpan interval, TriggerServices services)
    {
        _triggerName = triggerName;
        _interval = interval;
        _time = services.Time;
        _logger = services.LoggerFactory.CreateLogger("ArgoEvents.Sensors.Triggers.Log");
        _lastLoggedTimestamp = long.MinValue;
    }

    public ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!ShouldLog())
        {
            return ValueTask.CompletedTask;
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            foreach (var (dependencyName, sensorEvent) in invocation.Events)
            {
                var entry = new LogTriggerEntry(Encoding.UTF8.GetString(sensorEvent.Data.Span), _triggerName, dependencyName, sensorEvent.Context);
                _logger.Log(LogLevel.Information, EventId, entry, null, LogTriggerEntry.Format);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private bool ShouldLog()
    {
        if (_interval <= TimeSpan.Zero)
        {
            return true;
        }

        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLoggedTimestamp);
        if (last != long.MinValue && _time.GetElapsedTime(last, now) < _interval)
        {
            return false;
        }

        return Interlocked.CompareExchange(ref _lastLoggedTimestamp, now, last) == last;
    }
}
