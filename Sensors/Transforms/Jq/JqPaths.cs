using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// Indexing, iteration and the path primitives (<c>getpath</c>, <c>setpath</c>, <c>delpaths</c>) everything that
/// reads or updates a location uses. A path component is a string (object key), a number (array index) or a slice
/// object <c>{"start": s, "end": e}</c>.
/// </summary>
internal static class JqPaths
{
    public static object? Index(object? target, object? key)
    {
        switch (target, key)
        {
            case (null, string or double or null or ImmutableSortedDictionary<string, object?>):
                return null;
            case (ImmutableSortedDictionary<string, object?> o, string k):
                return o.TryGetValue(k, out var v) ? v : null;
            case (ImmutableList<object?> a, double d):
                if (double.IsNaN(d))
                {
                    return null;
                }

                var i = Math.Floor(d);
                if (i < 0)
                {
                    i += a.Count;
                }

                return i >= 0 && i < a.Count ? a[(int)i] : null;
            case (ImmutableList<object?> or string, ImmutableSortedDictionary<string, object?> slice):
                return Slice(target, SliceBound(slice, "start"), SliceBound(slice, "end"));
            case (ImmutableList<object?> a, ImmutableList<object?> sub):
                return Indices(a, sub);
            default:
                throw CannotIndex(target, key);
        }
    }

    public static JqException CannotIndex(object? target, object? key) => key is string s
        ? JqException.Runtime($"Cannot index {JqJson.TypeName(target)} with \"{s}\"")
        : JqException.Runtime($"Cannot index {JqJson.TypeName(target)} with {JqJson.TypeName(key)}");

    public static ImmutableSortedDictionary<string, object?> SliceKey(object? from, object? to) =>
        JqJson.EmptyObject.SetItem("start", from).SetItem("end", to);

    private static object? SliceBound(ImmutableSortedDictionary<string, object?> slice, string name)
    {
        var v = slice.TryGetValue(name, out var x) ? x : null;
        if (v is not (null or double))
        {
            throw JqException.Runtime("Start and end indices of an array slice must be numbers");
        }

        return v;
    }

    public static object? Slice(object? target, object? from, object? to)
    {
        if (from is not (null or double) || to is not (null or double))
        {
            throw JqException.Runtime("Start and end indices of an array slice must be numbers");
        }

        switch (target)
        {
            case null:
                return null;
            case ImmutableList<object?> a:
                var (s, e) = SliceRange(a.Count, from, to);
                return a.GetRange(s, e - s);
            case string str:
                var (ss, se) = SliceRange(JqText.CodePointLength(str), from, to);
                return JqText.SliceCodePoints(str, ss, se);
            default:
                throw JqException.Runtime($"Cannot index {JqJson.TypeName(target)} with object");
        }
    }

    public static (int Start, int End) SliceRange(int length, object? from, object? to)
    {
        var start = from is double f ? Normalize(Math.Floor(f), length) : 0;
        var end = to is double t ? Normalize(Math.Ceiling(t), length) : length;
        return (start, Math.Max(start, end));
    }

    private static int Normalize(double index, int length)
    {
        if (double.IsNaN(index))
        {
            return 0;
        }

        if (index < 0)
        {
            index += length;
        }

        return (int)Math.Clamp(index, 0, length);
    }

    private static object? Indices(ImmutableList<object?> a, ImmutableList<object?> sub)
    {
        if (sub.Count == 0)
        {
            return null;
        }

        var result = ImmutableList.CreateBuilder<object?>();
        for (var i = 0; i + sub.Count <= a.Count; i++)
        {
            var match = true;
            for (var j = 0; j < sub.Count && match; j++)
            {
                match = JqOrder.AreEqual(a[i + j], sub[j]);
            }

            if (match)
            {
                result.Add((double)i);
            }
        }

        return result.ToImmutable();
    }

    public static IEnumerable<object?> Iterate(object? target) => target switch
    {
        ImmutableList<object?> a => a,
        ImmutableSortedDictionary<string, object?> o => o.Values,
        _ => throw JqException.Runtime($"Cannot iterate over {(target is null ? "null" : JqJson.Describe(target))}"),
    };

    /// <summary>The keys <c>.[]</c> visits, as path components.</summary>
    public static IEnumerable<object?> IterateKeys(object? target) => target switch
    {
        ImmutableList<object?> a => Enumerable.Range(0, a.Count).Select(i => (object?)(double)i),
        ImmutableSortedDictionary<string, object?> o => o.Keys,
        _ => throw JqException.Runtime($"Cannot iterate over {(target is null ? "null" : JqJson.Describe(target))}"),
    };

    public static object? GetPath(object? root, ImmutableList<object?> path)
    {
        var current = root;
        foreach (var key in path)
        {
            if (current is null)
            {
                return null;
            }

            current = Index(current, key);
        }

        return current;
    }

    public static object? SetPath(object? root, ImmutableList<object?> path, object? value) => SetPath(root, path, 0, value);

    private static object? SetPath(object? root, ImmutableList<object?> path, int at, object? value)
    {
        if (at == path.Count)
        {
            return value;
        }

        var key = path[at];
        switch (root, key)
        {
            case (null or ImmutableSortedDictionary<string, object?>, string k):
                var obj = root as ImmutableSortedDictionary<string, object?> ?? JqJson.EmptyObject;
                return obj.SetItem(k, SetPath(obj.TryGetValue(k, out var child) ? child : null, path, at + 1, value));
            case (null or ImmutableList<object?>, double d):
                var arr = root as ImmutableList<object?> ?? JqJson.EmptyArray;
                var i = Math.Floor(d);
                if (i < 0)
                {
                    i += arr.Count;
                    if (i < 0)
                    {
                        throw JqException.Runtime("Out of bounds negative array index");
                    }
                }

                if (i > 100_000_000)
                {
                    throw JqException.Runtime("Array index too large");
                }

                var index = (int)i;
                var current = index < arr.Count ? arr[index] : null;
                var updated = SetPath(current, path, at + 1, value);
                if (index < arr.Count)
                {
                    return arr.SetItem(index, updated);
                }

                var builder = arr.ToBuilder();
                while (builder.Count < index)
                {
                    builder.Add(null);
                }

                builder.Add(updated);
                return builder.ToImmutable();
            case (null or ImmutableList<object?>, ImmutableSortedDictionary<string, object?> slice):
                var list = root as ImmutableList<object?> ?? JqJson.EmptyArray;
                var (s, e) = SliceRange(list.Count, SliceBound(slice, "start"), SliceBound(slice, "end"));
                var replacement = SetPath(list.GetRange(s, e - s), path, at + 1, value);
                if (replacement is not ImmutableList<object?> repl)
                {
                    throw JqException.Runtime("A slice of an array can only be assigned another array");
                }

                return list.RemoveRange(s, e - s).InsertRange(s, repl);
            default:
                throw CannotIndex(root, key);
        }
    }

    public static object? DeletePaths(object? root, IEnumerable<ImmutableList<object?>> paths)
    {
        // Deleting the greatest paths first keeps the array indexes of the remaining ones valid.
        foreach (var path in paths.OrderByDescending(p => (object?)p, JqOrder.Instance))
        {
            root = DeletePath(root, path, 0);
        }

        return root;
    }

    private static object? DeletePath(object? root, ImmutableList<object?> path, int at)
    {
        if (at == path.Count)
        {
            return null;
        }

        if (root is null)
        {
            return null;
        }

        var key = path[at];
        if (at == path.Count - 1)
        {
            switch (root, key)
            {
                case (ImmutableSortedDictionary<string, object?> o, string k):
                    return o.Remove(k);
                case (ImmutableList<object?> a, double d):
                    var i = Math.Floor(d);
                    if (i < 0)
                    {
                        i += a.Count;
                        if (i < 0)
                        {
                            throw JqException.Runtime("Out of bounds negative array index");
                        }
                    }

                    return i < a.Count ? a.RemoveAt((int)i) : a;
                case (ImmutableList<object?> a, ImmutableSortedDictionary<string, object?> slice):
                    var (s, e) = SliceRange(a.Count, SliceBound(slice, "start"), SliceBound(slice, "end"));
                    return a.RemoveRange(s, e - s);
                default:
                    throw JqException.Runtime($"Cannot delete field at {JqJson.TypeName(key)} index of {JqJson.TypeName(root)}");
            }
        }

        var child = Index(root, key);
        if (child is null)
        {
            return root;
        }

        return SetPath(root, ImmutableList.Create(key), DeletePath(child, path, at + 1));
    }

    public static ImmutableList<object?> RequirePath(object? value)
    {
        if (value is not ImmutableList<object?> path)
        {
            throw JqException.Runtime("Path must be specified as an array");
        }

        return path;
    }
}
