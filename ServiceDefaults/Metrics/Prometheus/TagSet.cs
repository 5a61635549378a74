namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>The tags of one measurement, kept as the key of its series.</summary>
internal sealed class TagSet
{
    private static readonly Comparison<KeyValuePair<string, object?>> ByKey = static (a, b) => string.CompareOrdinal(a.Key, b.Key);

    public TagSet(KeyValuePair<string, object?>[] tags)
    {
        Tags = tags;
        Hash = TagSetComparer.HashOf(tags);
    }

    public KeyValuePair<string, object?>[] Tags { get; }

    public int Hash { get; }

    /// <summary>The same tags ordered by key, so one label set maps to one series whatever order code passes.</summary>
    public static TagSet Sorted(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = tags.ToArray();
        Array.Sort(copy, ByKey);
        return new TagSet(copy);
    }
}
