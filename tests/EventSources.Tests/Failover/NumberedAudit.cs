namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Checks that the numbered messages 0..<c>expected - 1</c> were each stored exactly once: lists the numbers never
/// stored, those stored more than once (with how often) and any number outside the range.
/// </summary>
public sealed record NumberedAudit(
    int Expected,
    int Stored,
    IReadOnlyList<int> Missing,
    IReadOnlyList<(int Number, int Times)> Doubled,
    IReadOnlyList<int> OutOfRange,
    int Unreadable)
{
    /// <summary>True when every number was stored once and nothing else was stored.</summary>
    public bool IsExact => Missing.Count == 0 && Doubled.Count == 0 && OutOfRange.Count == 0 && Unreadable == 0;

    /// <summary>Audits how often each number was stored (<paramref name="timesStored"/>) against 0..<paramref name="expected"/> - 1.</summary>
    public static NumberedAudit Of(IReadOnlyDictionary<int, int> timesStored, int expected, int unreadable)
    {
        ArgumentNullException.ThrowIfNull(timesStored);
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        var missing = Enumerable.Range(0, expected).Where(n => !timesStored.ContainsKey(n)).ToList();
        var doubled = timesStored.Where(p => p.Value > 1).OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToList();
        var outOfRange = timesStored.Keys.Where(n => n < 0 || n >= expected).Order().ToList();
        return new NumberedAudit(expected, timesStored.Values.Sum() + unreadable, missing, doubled, outOfRange, unreadable);
    }

    /// <summary>A one-paragraph account for assertion messages (the first 50 numbers of each list).</summary>
    public override string ToString() =>
        $"{Stored} events stored for {Expected} messages; missing {Missing.Count}: [{Join(Missing)}]; "
        + $"stored more than once {Doubled.Count}: [{string.Join(", ", Doubled.Take(50).Select(d => $"{d.Number} x{d.Times}"))}]; "
        + $"out of range {OutOfRange.Count}: [{Join(OutOfRange)}]; unreadable {Unreadable}";

    private static string Join(IEnumerable<int> numbers) => string.Join(", ", numbers.Take(50));
}
