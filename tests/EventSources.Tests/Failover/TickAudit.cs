namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Checks that a run of scheduled ticks is exact: every instant on the interval grid from the first tick to the last
/// appears once, none twice, none off the grid.
/// </summary>
public sealed record TickAudit(
    IReadOnlyList<DateTimeOffset> Duplicated,
    IReadOnlyList<DateTimeOffset> Missing,
    IReadOnlyList<DateTimeOffset> OffGrid,
    int Count)
{
    /// <summary>True when nothing is duplicated, missing or off the grid.</summary>
    public bool IsExact => Duplicated.Count == 0 && Missing.Count == 0 && OffGrid.Count == 0;

    /// <summary>Audits <paramref name="ticks"/> (in any order) against a grid of <paramref name="interval"/> starting at the earliest.</summary>
    public static TickAudit Of(IEnumerable<DateTimeOffset> ticks, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var all = ticks.Select(t => t.ToUniversalTime()).ToList();
        if (all.Count == 0)
        {
            return new TickAudit([], [], [], 0);
        }

        var duplicated = all.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).Order().ToList();
        var first = all.Min();
        var last = all.Max();
        var offGrid = all.Distinct().Where(t => (t - first).Ticks % interval.Ticks != 0).Order().ToList();
        var seen = all.ToHashSet();
        var missing = new List<DateTimeOffset>();
        for (var expected = first; expected <= last; expected += interval)
        {
            if (!seen.Contains(expected))
            {
                missing.Add(expected);
            }
        }

        return new TickAudit(duplicated, missing, offGrid, all.Count);
    }

    /// <summary>A one-paragraph account for assertion messages.</summary>
    public override string ToString() =>
        $"{Count} ticks; duplicated: [{Join(Duplicated)}]; missing: [{Join(Missing)}]; off the grid: [{Join(OffGrid)}]";

    private static string Join(IEnumerable<DateTimeOffset> times) => string.Join(", ", times.Select(t => t.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)));
}
