using System.Diagnostics.Metrics;

namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>What the collector keeps for one instrument: how it is exposed and its series.</summary>
internal sealed class InstrumentState
{
    private readonly MeasurementAggregation _aggregation;
    private readonly double[] _upperBounds;
    private volatile SeriesTable _series;

    private InstrumentState(Instrument instrument, PrometheusMetricType type, MeasurementAggregation aggregation, bool isObservable)
    {
        Instrument = instrument;
        Type = type;
        _aggregation = aggregation;
        IsObservable = isObservable;
        _upperBounds = aggregation == MeasurementAggregation.Histogram ? HistogramBuckets.For(instrument) : [];
        var name = PrometheusText.MetricName(instrument.Name);
        Name = type == PrometheusMetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
        Help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
        _series = NewTable();
    }

    public Instrument Instrument { get; }

    /// <summary>The exposed metric family name.</summary>
    public string Name { get; }

    public string Help { get; }

    public PrometheusMetricType Type { get; }

    /// <summary>Observable instruments report only when the collector asks, so their series are rebuilt per scrape.</summary>
    public bool IsObservable { get; }

    public IEnumerable<MetricSeries> Series => _series.Series;

    /// <summary>The state for a known instrument kind; null for kinds this exposition does not know.</summary>
    public static InstrumentState? TryCreate(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var kind = instrument.GetType().GetGenericTypeDefinition();
        return kind switch
        {
            _ when kind == typeof(Counter<>) => new(instrument, PrometheusMetricType.Counter, MeasurementAggregation.Sum, isObservable: false),
            _ when kind == typeof(UpDownCounter<>) => new(instrument, PrometheusMetricType.Gauge, MeasurementAggregation.Sum, isObservable: false),
            _ when kind == typeof(Histogram<>) => new(instrument, PrometheusMetricType.Histogram, MeasurementAggregation.Histogram, isObservable: false),
            _ when kind == typeof(Gauge<>) => new(instrument, PrometheusMetricType.Gauge, MeasurementAggregation.LastValue, isObservable: false),
            // An observable counter reports its running total, so the last observation is the value.
            _ when kind == typeof(ObservableCounter<>) => new(instrument, PrometheusMetricType.Counter, MeasurementAggregation.LastValue, isObservable: true),
            _ when kind == typeof(ObservableUpDownCounter<>) => new(instrument, PrometheusMetricType.Gauge, MeasurementAggregation.LastValue, isObservable: true),
            _ when kind == typeof(ObservableGauge<>) => new(instrument, PrometheusMetricType.Gauge, MeasurementAggregation.LastValue, isObservable: true),
            _ => null,
        };
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = _series.GetOrCreate(tags);
        switch (series)
        {
            case HistogramSeries histogram:
                histogram.Record(value);
                break;
            case ValueSeries single when _aggregation == MeasurementAggregation.Sum:
                single.Add(value);
                break;
            case ValueSeries single:
                single.Set(value);
                break;
            default:
                // The table is full: this label set is not kept.
                break;
        }
    }

    /// <summary>Forgets observed series before observable instruments are asked again, so vanished ones disappear.</summary>
    public void ResetObservations() => _series = NewTable();

    private SeriesTable NewTable() => _aggregation == MeasurementAggregation.Histogram
        ? new SeriesTable(labels => new HistogramSeries(labels, _upperBounds))
        : new SeriesTable(labels => new ValueSeries(labels));
}
