namespace ArgoEvents.EventSources.Filtering;

/// <summary>expr-lang's runtime operators over the value model of <see cref="ExprValues"/>.</summary>
internal static class ExprOperations
{
    private const int MaxRange = 1_000_000;

    /// <summary>Member or index access: a missing map key is nil; anything else out of place is an error.</summary>
    public static object? Fetch(object? target, object? key)
    {
        switch (target)
        {
            case null:
                throw new ExprRuntimeException($"cannot fetch {ExprValues.Format(key)} from <nil>");
            case Dictionary<string, object?> map:
                return key is string name
                    ? map.GetValueOrDefault(name)
                    : throw new ExprRuntimeException($"cannot use {ExprValues.TypeName(key)} as a key of {ExprValues.TypeName(target)}");
            case List<object?> list:
                return list[Index(key, list.Count, target)];
            case string text:
                var runes = text.EnumerateRunes().ToList();
                return runes[Index(key, runes.Count, target)].ToString();
            default:
                throw new ExprRuntimeException($"cannot fetch {ExprValues.Format(key)} from {ExprValues.TypeName(target)}");
        }
    }

    public static object? Binary(string op, object? left, object? right) => op switch
    {
        "==" => ExprValues.AreEqual(left, right),
        "!=" => !ExprValues.AreEqual(left, right),
        "<" or "<=" or ">" or ">=" => Compare(op, left, right),
        "+" when left is string a && right is string b => a + b,
        "+" or "-" or "*" => Arithmetic(op, left, right),
        "/" => ExprValues.IsNumber(left) && ExprValues.IsNumber(right)
            ? ExprValues.ToDouble(left) / ExprValues.ToDouble(right)
            : throw Invalid(op, left, right),
        "%" => (left, right) switch
        {
            (long _, 0L) => throw new ExprRuntimeException("integer divide by zero"),
            (long a, long b) => b == -1 ? 0L : a % b,
            _ => throw Invalid(op, left, right),
        },
        "**" or "^" => ExprValues.IsNumber(left) && ExprValues.IsNumber(right)
            ? Math.Pow(ExprValues.ToDouble(left), ExprValues.ToDouble(right))
            : throw Invalid(op, left, right),
        ".." => Range(left, right),
        "in" => In(left, right),
        "contains" => Strings(op, left, right, static (a, b) => a.Contains(b, StringComparison.Ordinal)),
        "startsWith" => Strings(op, left, right, static (a, b) => a.StartsWith(b, StringComparison.Ordinal)),
        "endsWith" => Strings(op, left, right, static (a, b) => a.EndsWith(b, StringComparison.Ordinal)),
        "matches" => Strings(op, left, right, static (a, b) => ExprRegex.ForRuntime(b).IsMatch(a)),
        _ => throw new ExprRuntimeException($"unknown operator {op}"),
    };

    public static ExprRuntimeException Invalid(string op, object? left, object? right) =>
        new($"invalid operation: {ExprValues.TypeName(left)} {op} {ExprValues.TypeName(right)}");

    private static int Index(object? key, int length, object target)
    {
        long index = key switch
        {
            long l => l,
            double d when d == Math.Floor(d) && Math.Abs(d) < int.MaxValue => (long)d,
            _ => throw new ExprRuntimeException($"cannot use {ExprValues.TypeName(key)} as an index of {ExprValues.TypeName(target)}"),
        };
        var effective = index < 0 ? index + length : index;
        return effective >= 0 && effective < length
            ? (int)effective
            : throw new ExprRuntimeException($"index out of range: {index} (array length is {length})");
    }

    private static bool Compare(string op, object? left, object? right)
    {
        int order;
        if (left is long a && right is long b)
        {
            order = a.CompareTo(b);
        }
        else if (ExprValues.IsNumber(left) && ExprValues.IsNumber(right))
        {
            var x = ExprValues.ToDouble(left);
            var y = ExprValues.ToDouble(right);
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return false;
            }

            order = x.CompareTo(y);
        }
        else if (left is string s && right is string t)
        {
            order = string.CompareOrdinal(s, t);
        }
        else
        {
            throw Invalid(op, left, right);
        }

        return op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }

    private static object Arithmetic(string op, object? left, object? right)
    {
        if (left is long a && right is long b)
        {
            return op switch
            {
                "+" => unchecked(a + b),
                "-" => unchecked(a - b),
                _ => unchecked(a * b),
            };
        }

        if (ExprValues.IsNumber(left) && ExprValues.IsNumber(right))
        {
            var x = ExprValues.ToDouble(left);
            var y = ExprValues.ToDouble(right);
            return op switch
            {
                "+" => x + y,
                "-" => x - y,
                _ => x * y,
            };
        }

        throw Invalid(op, left, right);
    }

    private static List<object?> Range(object? left, object? right)
    {
        if (left is not long from || right is not long to)
        {
            throw Invalid("..", left, right);
        }

        if (to - from >= MaxRange)
        {
            throw new ExprRuntimeException($"range {from}..{to} is longer than {MaxRange} elements");
        }

        var list = new List<object?>();
        for (var i = from; i <= to; i++)
        {
            list.Add(i);
        }

        return list;
    }

    private static bool In(object? needle, object? haystack) => haystack switch
    {
        null => false,
        List<object?> list => list.Any(item => ExprValues.AreEqual(needle, item)),
        Dictionary<string, object?> map => needle is string key
            ? map.ContainsKey(key)
            : throw new ExprRuntimeException($"cannot use {ExprValues.TypeName(needle)} as a key of {ExprValues.TypeName(map)}"),
        _ => throw new ExprRuntimeException($"operator \"in\" not defined on {ExprValues.TypeName(haystack)}"),
    };

    private static bool Strings(string op, object? left, object? right, Func<string, string, bool> test) =>
        left is string a && right is string b ? test(a, b) : throw Invalid(op, left, right);
}
