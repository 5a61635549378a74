namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>A series with one value: a running sum or the last observation.</summary>
internal sealed class ValueSeries(TagSet labels) : MetricSeries(labels)
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Add(double delta)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + delta, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);
}
