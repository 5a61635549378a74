using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>
/// Go's RE2 patterns on .NET's non-backtracking engine: linear time like RE2, and it refuses what RE2 lacks
/// (back-references, look-arounds). Go's <c>(?P&lt;name&gt;</c> group spelling is accepted.
/// </summary>
internal static class ExprRegex
{
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The pattern is invalid.</exception>
    /// <exception cref="NotSupportedException">The pattern needs backtracking (back-references, look-arounds).</exception>
    public static Regex Compile(string pattern) =>
        new(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>A pattern computed at run time; a bad one is a runtime error.</summary>
    public static Regex ForRuntime(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        Regex regex;
        try
        {
            regex = Compile(pattern);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ExprRuntimeException($"invalid regular expression '{pattern}': {e.Message}");
        }

        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(pattern, regex);
        }

        return regex;
    }
}
