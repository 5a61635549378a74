namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>A series counting measurements into buckets with inclusive upper bounds, plus sum and count.</summary>
internal sealed class HistogramSeries(TagSet labels, double[] upperBounds) : MetricSeries(labels)
{
    // One slot per bound, then one for values above the last bound (the +Inf bucket).
    private readonly long[] _counts = new long[upperBounds.Length + 1];
    private readonly Lock _gate = new();
    private double _sum;
    private long _count;

    public void Record(double value)
    {
        // NaN belongs to no bucket and would poison the sum forever.
        if (double.IsNaN(value))
        {
            return;
        }

        var index = Array.BinarySearch(upperBounds, value);
        var bucket = index >= 0 ? index : ~index;
        lock (_gate)
        {
            _counts[bucket]++;
            _sum += value;
            _count++;
        }
    }

    public HistogramSnapshot Snapshot()
    {
        var cumulative = new long[upperBounds.Length];
        double sum;
        long count;
        lock (_gate)
        {
            long running = 0;
            for (var i = 0; i < upperBounds.Length; i++)
            {
                running += _counts[i];
                cumulative[i] = running;
            }

            sum = _sum;
            count = _count;
        }

        return new HistogramSnapshot(upperBounds, cumulative, sum, count);
    }
}
