using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>
/// Listens to the service's meters and renders them for <c>/metrics</c>. Meters made by another host's
/// <see cref="IMeterFactory"/> are ignored, so two hosts in one process (tests) never see each other's metrics.
/// </summary>
internal sealed partial class PrometheusCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();
    private readonly HashSet<string> _meterNames;
    private readonly IMeterFactory _meterFactory;
    private readonly ILogger<PrometheusCollector> _logger;
    private readonly Lock _scrapeGate = new();

    public PrometheusCollector(IMeterFactory meterFactory, IEnumerable<string> meterNames, ILogger<PrometheusCollector> logger)
    {
        _meterFactory = meterFactory;
        _meterNames = new HashSet<string>(meterNames, StringComparer.Ordinal);
        _logger = logger;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentState? _);
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentState)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>The current exposition text.</summary>
    public string Scrape()
    {
        // One scrape at a time: observable series are rebuilt in place while instruments are asked for values.
        lock (_scrapeGate)
        {
            foreach (var state in _instruments.Values)
            {
                if (state.IsObservable)
                {
                    state.ResetObservations();
                }
            }

            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (AggregateException e)
            {
                // A faulty observable callback must not take every other metric down with it.
                LogObservableCallbackFailed(_logger, e);
            }

            return PrometheusTextWriter.Write(_instruments.Values);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        if (!_meterNames.Contains(meter.Name) || (meter.Scope is not null && !ReferenceEquals(meter.Scope, _meterFactory)))
        {
            return;
        }

        var state = InstrumentState.TryCreate(instrument);
        if (state is not null && _instruments.TryAdd(instrument, state))
        {
            listener.EnableMeasurementEvents(instrument, state);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An observable instrument's callback failed while /metrics was scraped")]
    private static partial void LogObservableCallbackFailed(ILogger logger, Exception exception);
}
