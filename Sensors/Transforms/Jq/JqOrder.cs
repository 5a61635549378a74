using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// jq's total order: null &lt; false &lt; true &lt; numbers &lt; strings (by code point) &lt; arrays (element-wise)
/// &lt; objects (first by their sorted key sets, then by the values key by key).
/// </summary>
internal sealed class JqOrder : IComparer<object?>
{
    public static readonly JqOrder Instance = new();

    public int Compare(object? x, object? y) => CompareValues(x, y);

    public static bool AreEqual(object? a, object? b) => CompareValues(a, b) == 0;

    public static int CompareValues(object? a, object? b)
    {
        var ra = Rank(a);
        var rb = Rank(b);
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }

        switch (a)
        {
            case double da:
                return da.CompareTo((double)b!);
            case string sa:
                return CompareStrings(sa, (string)b!);
            case ImmutableList<object?> la:
                var lb = (ImmutableList<object?>)b!;
                for (var i = 0; i < Math.Min(la.Count, lb.Count); i++)
                {
                    var c = CompareValues(la[i], lb[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return la.Count.CompareTo(lb.Count);
            case ImmutableSortedDictionary<string, object?> oa:
                var ob = (ImmutableSortedDictionary<string, object?>)b!;
                var keyOrder = CompareValues(oa.Keys.Cast<object?>().ToImmutableList(), ob.Keys.Cast<object?>().ToImmutableList());
                if (keyOrder != 0)
                {
                    return keyOrder;
                }

                foreach (var (k, v) in oa)
                {
                    var c = CompareValues(v, ob[k]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return 0;
            default:
                return 0;
        }
    }

    /// <summary>Code-point order (what jq's byte-wise UTF-8 comparison gives), unlike UTF-16 ordinal order.</summary>
    public static int CompareStrings(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            var ca = JqText.CodePointAt(a, i, out var la);
            var cb = JqText.CodePointAt(b, j, out var lb);
            if (ca != cb)
            {
                return ca.CompareTo(cb);
            }

            i += la;
            j += lb;
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }

    private static int Rank(object? v) => v switch
    {
        null => 0,
        false => 1,
        true => 2,
        double => 3,
        string => 4,
        ImmutableList<object?> => 5,
        _ => 6,
    };
}
