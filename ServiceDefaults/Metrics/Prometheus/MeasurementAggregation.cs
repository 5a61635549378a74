namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>How the measurements of one series combine into the exposed value.</summary>
internal enum MeasurementAggregation
{
    /// <summary>Measurements are increments (counters, up-down counters).</summary>
    Sum,

    /// <summary>Each measurement replaces the last (gauges, and observed totals of observable counters).</summary>
    LastValue,

    /// <summary>Measurements are counted into buckets.</summary>
    Histogram,
}
