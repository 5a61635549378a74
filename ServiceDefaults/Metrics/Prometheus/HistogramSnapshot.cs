namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>A consistent read of a histogram: cumulative counts per upper bound, then sum and count.</summary>
internal readonly record struct HistogramSnapshot(double[] UpperBounds, long[] CumulativeCounts, double Sum, long Count);
