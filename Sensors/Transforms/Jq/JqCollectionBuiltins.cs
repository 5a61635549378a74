using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>Arrays and objects: <c>keys</c>, <c>has</c>, <c>map</c>, <c>add</c>, <c>sort_by</c>, <c>to_entries</c>, ...</summary>
internal static class JqCollectionBuiltins
{
    public static void Register(JqBuiltinTable t)
    {
        t.Value("keys", Keys);
        t.Value("keys_unsorted", Keys);
        t.Value("has", Has);
        t.Value("in", (v, container) => Has(container, v));
        t.Value("contains", (a, b) => CheckedContains(a, b));
        t.Value("inside", (a, b) => CheckedContains(b, a));
        t.Add("map", 1, (input, args, env) => [JqPaths.Iterate(input).SelectMany(v => args[0].Eval(v, env)).ToImmutableList()]);
        t.Add("map_values", 1, (input, args, env) =>
            new AssignNode(JqAssignKind.Update, default, new IterateNode(IdentityNode.Instance), args[0]).Eval(input, env));
        t.Value("add", v => v is null ? null : Sum(JqPaths.Iterate(v)));
        t.Add("add", 1, (input, args, env) => [Sum(args[0].Eval(input, env))]);
        t.Value("any", v => JqPaths.Iterate(v).Any(JqJson.IsTruthy));
        t.Value("all", v => JqPaths.Iterate(v).All(JqJson.IsTruthy));
        t.Add("any", 1, (input, args, env) => [JqPaths.Iterate(input).Any(x => args[0].Eval(x, env).Any(JqJson.IsTruthy))]);
        t.Add("all", 1, (input, args, env) => [JqPaths.Iterate(input).All(x => args[0].Eval(x, env).All(JqJson.IsTruthy))]);
        t.Add("any", 2, (input, args, env) => [args[0].Eval(input, env).Any(x => args[1].Eval(x, env).Any(JqJson.IsTruthy))]);
        t.Add("all", 2, (input, args, env) => [args[0].Eval(input, env).All(x => args[1].Eval(x, env).All(JqJson.IsTruthy))]);
        t.Value("to_entries", ToEntries);
        t.Value("from_entries", FromEntries);
        t.Add("with_entries", 1, (input, args, env) =>
            [FromEntries(((ImmutableList<object?>)ToEntries(input)!).SelectMany(e => args[0].Eval(e, env)).ToImmutableList())]);
        t.Value("sort", v => RequireSortable(v).Sort(JqOrder.Instance));
        t.Add("sort_by", 1, (input, args, env) => [SortBy(input, args[0], env).Select(p => p.Item).ToImmutableList()]);
        t.Add("group_by", 1, (input, args, env) => [Groups(input, args[0], env)
            .Select(g => (object?)g.ToImmutableList()).ToImmutableList()]);
        t.Add("unique_by", 1, (input, args, env) => [Groups(input, args[0], env).Select(g => g[0]).ToImmutableList()]);
        t.Value("unique", v => RequireSortable(v).Distinct(new EqualityComparer()).OrderBy(x => x, JqOrder.Instance).ToImmutableList());
        t.Value("min", v => Extreme(RequireSortable(v).Select(x => (x, x)).ToList(), min: true));
        t.Value("max", v => Extreme(RequireSortable(v).Select(x => (x, x)).ToList(), min: false));
        t.Add("min_by", 1, (input, args, env) => [Extreme(Keyed(input, args[0], env), min: true)]);
        t.Add("max_by", 1, (input, args, env) => [Extreme(Keyed(input, args[0], env), min: false)]);
        t.Value("reverse", v => v switch
        {
            null => JqJson.EmptyArray,
            string s => JqText.FromCodePoints(Enumerable.Reverse(JqText.CodePoints(s))),
            ImmutableList<object?> a => a.Reverse(),
            _ => throw JqException.Runtime($"Cannot reverse {JqJson.Describe(v)}"),
        });
        t.Value("flatten", v => Flatten(v, double.PositiveInfinity));
        t.Value("flatten", (v, d) => Flatten(v, d is double depth && depth >= 0
            ? depth
            : throw JqException.Runtime("flatten depth must not be negative")));
        t.Value("indices", Indices);
        t.Value("index", (v, i) => Indices(v, i) is ImmutableList<object?> { Count: > 0 } l ? l[0] : null);
        t.Value("rindex", (v, i) => Indices(v, i) is ImmutableList<object?> { Count: > 0 } l ? l[^1] : null);
        t.Add("first", 0, (input, _, _) => [JqPaths.Index(input, 0d)], (c, _, _) => [c.Child(0d, JqPaths.Index(c.Value, 0d))]);
        t.Add("last", 0, (input, _, _) => [JqPaths.Index(input, -1d)], (c, _, _) => [c.Child(-1d, JqPaths.Index(c.Value, -1d))]);
        t.Value("nth", (v, n) => JqPaths.Index(v, n));
        t.Add("walk", 1, Walk);
        t.Value("join", Join);
    }

    private static object? Keys(object? v) => v switch
    {
        ImmutableSortedDictionary<string, object?> o => o.Keys.OrderBy(k => k, Comparer<string>.Create(JqOrder.CompareStrings))
            .Select(k => (object?)k).ToImmutableList(),
        ImmutableList<object?> a => Enumerable.Range(0, a.Count).Select(i => (object?)(double)i).ToImmutableList(),
        _ => throw JqException.Runtime($"{JqJson.Describe(v)} has no keys"),
    };

    private static object? Has(object? v, object? key) => (v, key) switch
    {
        (ImmutableSortedDictionary<string, object?> o, string k) => o.ContainsKey(k),
        (ImmutableList<object?> a, double d) => d >= 0 && d < a.Count,
        _ => throw JqException.Runtime($"Cannot check whether {JqJson.TypeName(v)} has a {JqJson.TypeName(key)} key"),
    };

    // Only the outermost values must have the same type; inside, a type mismatch simply does not contain.
    private static bool CheckedContains(object? a, object? b) => JqJson.TypeName(a) == JqJson.TypeName(b)
        ? Contains(a, b)
        : throw JqException.Runtime($"{JqJson.Describe(a)} and {JqJson.Describe(b)} cannot have their containment checked");

    private static bool Contains(object? a, object? b)
    {
        switch (a, b)
        {
            case (ImmutableSortedDictionary<string, object?> x, ImmutableSortedDictionary<string, object?> y):
                return y.All(kv => x.TryGetValue(kv.Key, out var av) && Contains(av, kv.Value));
            case (ImmutableList<object?> x, ImmutableList<object?> y):
                return y.All(bv => x.Any(av => Contains(av, bv)));
            case (string x, string y):
                return x.Contains(y, StringComparison.Ordinal);
            default:
                return JqJson.TypeName(a) == JqJson.TypeName(b) && JqOrder.AreEqual(a, b);
        }
    }

    private static object? Sum(IEnumerable<object?> values)
    {
        object? acc = null;
        foreach (var v in values)
        {
            acc = JqArithmetic.Add(acc, v);
        }

        return acc;
    }

    private static object? ToEntries(object? v) => v switch
    {
        ImmutableSortedDictionary<string, object?> o => o
            .Select(kv => (object?)JqJson.EmptyObject.SetItem("key", kv.Key).SetItem("value", kv.Value)).ToImmutableList(),
        ImmutableList<object?> a => a
            .Select((x, i) => (object?)JqJson.EmptyObject.SetItem("key", (double)i).SetItem("value", x)).ToImmutableList(),
        _ => throw JqException.Runtime($"{JqJson.Describe(v)} has no keys"),
    };

    // jq 1.7's rules: .key unless null, else the first truthy of k, name, Name, K, Key; non-string keys become
    // their JSON text; the value is .value when present, else .v.
    private static object? FromEntries(object? v)
    {
        var result = JqJson.EmptyObject;
        foreach (var entry in JqPaths.Iterate(v))
        {
            if (entry is not ImmutableSortedDictionary<string, object?> e)
            {
                throw JqException.Runtime($"Cannot index {JqJson.TypeName(entry)} with \"key\"");
            }

            var key = e.GetValueOrDefault("key");
            if (key is null)
            {
                key = new[] { "k", "name", "Name", "K", "Key" }.Select(n => e.GetValueOrDefault(n)).FirstOrDefault(JqJson.IsTruthy)
                    ?? e.GetValueOrDefault("Key");
            }

            var value = e.TryGetValue("value", out var val) ? val : e.GetValueOrDefault("v");
            result = result.SetItem(key as string ?? JqJson.Dump(key), value);
        }

        return result;
    }

    private static ImmutableList<object?> RequireSortable(object? v) =>
        v as ImmutableList<object?> ?? throw JqException.Runtime($"{JqJson.Describe(v)} cannot be sorted, as it is not an array");

    private static List<(object? Item, object? Key)> Keyed(object? input, JqNode f, JqEnv env) =>
        RequireSortable(input).Select(x => (x, (object?)f.Eval(x, env).ToImmutableList())).ToList();

    private static List<(object? Item, object? Key)> SortBy(object? input, JqNode f, JqEnv env) =>
        Keyed(input, f, env).OrderBy(p => p.Key, JqOrder.Instance).ToList();

    private static List<List<object?>> Groups(object? input, JqNode f, JqEnv env)
    {
        var groups = new List<List<object?>>();
        object? lastKey = null;
        foreach (var (item, key) in SortBy(input, f, env))
        {
            if (groups.Count == 0 || !JqOrder.AreEqual(lastKey, key))
            {
                groups.Add([]);
                lastKey = key;
            }

            groups[^1].Add(item);
        }

        return groups;
    }

    // jq keeps the first minimum and the last maximum.
    private static object? Extreme(List<(object? Item, object? Key)> items, bool min)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var best = items[0];
        foreach (var candidate in items.Skip(1))
        {
            var c = JqOrder.CompareValues(candidate.Key, best.Key);
            if (min ? c < 0 : c >= 0)
            {
                best = candidate;
            }
        }

        return best.Item;
    }

    private static object? Flatten(object? v, double depth)
    {
        var result = ImmutableList.CreateBuilder<object?>();
        foreach (var item in JqPaths.Iterate(v))
        {
            if (item is ImmutableList<object?> inner && depth > 0)
            {
                result.AddRange((ImmutableList<object?>)Flatten(inner, depth - 1)!);
            }
            else
            {
                result.Add(item);
            }
        }

        return result.ToImmutable();
    }

    private static object? Indices(object? v, object? i)
    {
        switch (v, i)
        {
            case (null, _):
                return null;
            case (string s, string sub):
                if (sub.Length == 0)
                {
                    return null;
                }

                var found = ImmutableList.CreateBuilder<object?>();
                for (var at = s.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = s.IndexOf(sub, at + 1, StringComparison.Ordinal))
                {
                    found.Add((double)JqText.CodePointIndex(s, at));
                }

                return found.ToImmutable();
            case (ImmutableList<object?>, ImmutableList<object?>):
                return JqPaths.Index(v, i);
            case (ImmutableList<object?>, _):
                return JqPaths.Index(v, ImmutableList.Create(i));
            default:
                return JqPaths.Index(v, i);
        }
    }

    private static IEnumerable<object?> Walk(object? input, JqNode[] args, JqEnv env)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        object? inner = input switch
        {
            ImmutableList<object?> a => a.SelectMany(x => Walk(x, args, env)).ToImmutableList(),
            ImmutableSortedDictionary<string, object?> o => o.Aggregate(JqJson.EmptyObject, (acc, kv) =>
                Walk(kv.Value, args, env).Take(1).ToList() is [var w] ? acc.SetItem(kv.Key, w) : acc),
            _ => input,
        };
        return args[0].Eval(inner, env);
    }

    private static object? Join(object? v, object? separator)
    {
        if (separator is not string sep)
        {
            throw JqException.Runtime($"{JqJson.Describe(separator)} is not a string separator");
        }

        var parts = JqPaths.Iterate(v).Select(x => x switch
        {
            null => string.Empty,
            string s => s,
            double d => JqJson.FormatNumber(d),
            bool b => b ? "true" : "false",
            _ => throw JqException.Runtime($"Cannot join with {JqJson.TypeName(x)}"),
        });
        return string.Join(sep, parts);
    }

    private sealed class EqualityComparer : IEqualityComparer<object?>
    {
        public new bool Equals(object? x, object? y) => JqOrder.AreEqual(x, y);

        public int GetHashCode(object? obj) => JqJson.Dump(obj).GetHashCode(StringComparison.Ordinal);
    }
}
