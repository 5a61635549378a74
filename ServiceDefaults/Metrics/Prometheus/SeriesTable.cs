using System.Collections.Concurrent;

namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>
/// The series of one instrument, found by a measurement's tags without allocating once the series exists.
/// Bounded: past <see cref="MaxSeries"/> label sets, measurements with new label sets are dropped, so a label fed
/// from outside input cannot exhaust memory.
/// </summary>
internal sealed class SeriesTable
{
    public const int MaxSeries = 2000;

    // Keyed by the tags as passed (any order) for the fast path, and by sorted tags for one series per label set.
    private readonly ConcurrentDictionary<TagSet, MetricSeries> _byPassedOrder = new(TagSetComparer.Instance);
    private readonly ConcurrentDictionary<TagSet, MetricSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _lookup;
    private readonly ConcurrentDictionary<TagSet, MetricSeries> _byLabels = new(TagSetComparer.Instance);
    private readonly Func<TagSet, MetricSeries> _create;
    private int _seriesCount;
    private int _orderCount;

    public SeriesTable(Func<TagSet, MetricSeries> create)
    {
        _create = create;
        _lookup = _byPassedOrder.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public IEnumerable<MetricSeries> Series => _byLabels.Values;

    /// <summary>The series for these tags; null when the table is full and they are new.</summary>
    public MetricSeries? GetOrCreate(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _lookup.TryGetValue(tags, out var series) ? series : Create(tags);

    private MetricSeries? Create(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = TagSet.Sorted(tags);
        if (!_byLabels.TryGetValue(labels, out var series))
        {
            if (Volatile.Read(ref _seriesCount) >= MaxSeries)
            {
                return null;
            }

            var created = _create(labels);
            if (_byLabels.TryAdd(labels, created))
            {
                Interlocked.Increment(ref _seriesCount);
                series = created;
            }
            else
            {
                series = _byLabels[labels];
            }
        }

        // Remember this tag order too; when too many orders were seen, later ones just take the sorting path.
        if (Volatile.Read(ref _orderCount) < MaxSeries * 2 && _lookup.TryAdd(tags, series))
        {
            Interlocked.Increment(ref _orderCount);
        }

        return series;
    }
}
