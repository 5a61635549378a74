using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>One regex match and the jq values made from it (match objects, capture objects, scan results).</summary>
internal sealed class JqMatch(string input, Match match, IReadOnlyList<(int Number, string? Name)> groups)
{
    public Match Match { get; } = match;

    public object? ToValue()
    {
        var captures = groups.Select(g => (object?)GroupValue(Match.Groups[g.Number], g.Name)).ToImmutableList();
        return Describe(Match.Index, Match.Value)
            .SetItem("captures", captures);
    }

    public ImmutableSortedDictionary<string, object?> Captures() => groups
        .Where(g => g.Name is not null)
        .Aggregate(JqJson.EmptyObject, (acc, g) => acc.SetItem(g.Name!, Match.Groups[g.Number].Success ? Match.Groups[g.Number].Value : null));

    public object? ScanValue() => groups.Count == 0
        ? Match.Value
        : groups.Select(g => Match.Groups[g.Number].Success ? (object?)Match.Groups[g.Number].Value : null).ToImmutableList();

    private ImmutableSortedDictionary<string, object?> GroupValue(Group group, string? name) =>
        (group.Success ? Describe(group.Index, group.Value) : Describe(-1, null, unmatched: true))
            .SetItem("name", name);

    private ImmutableSortedDictionary<string, object?> Describe(int index, string? value, bool unmatched = false) =>
        JqJson.EmptyObject
            .SetItem("offset", unmatched ? -1d : (double)JqText.CodePointIndex(input, index))
            .SetItem("length", unmatched ? 0d : (double)JqText.CodePointLength(value!))
            .SetItem("string", value);
}
