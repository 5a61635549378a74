using System.Diagnostics.Metrics;

namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>Upper bounds of a histogram's buckets: the instrument's advice when it gives one, else defaults in milliseconds.</summary>
internal static class HistogramBuckets
{
    /// <summary>
    /// Defaults for durations in milliseconds (Argo's unit): OpenTelemetry's default boundaries, extended to a
    /// minute because a trigger calling a slow endpoint can take that long.
    /// </summary>
    public static readonly double[] DefaultMilliseconds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000, 30000, 60000];

    public static double[] For(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => ToDoubles(h.Advice?.HistogramBucketBoundaries, b => b),
            Histogram<float> h => ToDoubles(h.Advice?.HistogramBucketBoundaries, b => b),
            Histogram<long> h => ToDoubles(h.Advice?.HistogramBucketBoundaries, b => b),
            Histogram<int> h => ToDoubles(h.Advice?.HistogramBucketBoundaries, b => b),
            Histogram<short> h => ToDoubles(h.Advice?.HistogramBucketBoundaries, b => b),
            Histogram<byte> h => ToDoubles(h.Advice?.HistogramBucketBoundaries, b => b),
            Histogram<decimal> h => ToDoubles(h.Advice?.HistogramBucketBoundaries, b => (double)b),
            _ => null,
        };

        // Bounds must be finite, distinct and ascending for the bucket search and for cumulative counts.
        var usable = advised?.Where(double.IsFinite).Distinct().Order().ToArray();
        return usable is { Length: > 0 } ? usable : DefaultMilliseconds;
    }

    private static double[]? ToDoubles<T>(IReadOnlyList<T>? bounds, Func<T, double> convert) =>
        bounds?.Select(convert).ToArray();
}
