namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>The <c># TYPE</c> an instrument is exposed as.</summary>
internal enum PrometheusMetricType
{
    /// <summary>Monotonic total; the name ends in <c>_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>Cumulative buckets plus <c>_sum</c> and <c>_count</c>.</summary>
    Histogram,
}
