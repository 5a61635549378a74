namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>One compiled step of a gjson path.</summary>
internal abstract class GjsonSegment;

/// <summary>An object key (exact or with wildcards), which also selects an array element when it is a number.</summary>
internal sealed class KeySegment(string name, string pattern, bool hasWildcard) : GjsonSegment
{
    /// <summary>The key with escapes removed.</summary>
    public string Name { get; } = name;

    /// <summary>The key as a glob pattern (escapes kept) when it has wildcards.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>Whether the key holds an unescaped <c>*</c> or <c>?</c>.</summary>
    public bool HasWildcard { get; } = hasWildcard;

    /// <summary>The array index this key denotes, or -1.</summary>
    public int Index { get; } = !hasWildcard && int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1;
}

/// <summary><c>#</c>: an array's length when last, else the rest of the path applied to every element.</summary>
internal sealed class HashSegment : GjsonSegment;

/// <summary><c>#(...)</c> (first matching element) or <c>#(...)#</c> (every matching element).</summary>
internal sealed class QuerySegment(GjsonQuery query, bool all) : GjsonSegment
{
    /// <summary>The condition an element must meet.</summary>
    public GjsonQuery Query { get; } = query;

    /// <summary>Whether every match is collected rather than the first taken.</summary>
    public bool All { get; } = all;
}

/// <summary><c>[p1,p2]</c> or <c>{p1,"k":p2}</c>: several paths evaluated on the same value, assembled into JSON.</summary>
internal sealed class MultiPathSegment(bool isObject, IReadOnlyList<(string Key, GjsonPath Path)> items) : GjsonSegment
{
    /// <summary>Whether an object (<c>{}</c>) rather than an array is built.</summary>
    public bool IsObject { get; } = isObject;

    /// <summary>The member paths with the keys they get in an object.</summary>
    public IReadOnlyList<(string Key, GjsonPath Path)> Items { get; } = items;
}
