using System.Collections.Immutable;
using System.Text;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>jq's binary operators with its type rules and error messages.</summary>
internal static class JqArithmetic
{
    public static object? Apply(JqBinaryOperator op, object? a, object? b) => op switch
    {
        JqBinaryOperator.Add => Add(a, b),
        JqBinaryOperator.Subtract => Subtract(a, b),
        JqBinaryOperator.Multiply => Multiply(a, b),
        JqBinaryOperator.Divide => Divide(a, b),
        JqBinaryOperator.Modulo => Modulo(a, b),
        JqBinaryOperator.Equal => JqOrder.AreEqual(a, b),
        JqBinaryOperator.NotEqual => !JqOrder.AreEqual(a, b),
        JqBinaryOperator.Less => JqOrder.CompareValues(a, b) < 0,
        JqBinaryOperator.LessOrEqual => JqOrder.CompareValues(a, b) <= 0,
        JqBinaryOperator.Greater => JqOrder.CompareValues(a, b) > 0,
        JqBinaryOperator.GreaterOrEqual => JqOrder.CompareValues(a, b) >= 0,
        _ => throw new InvalidOperationException($"operator {op} is not arithmetic"),
    };

    public static object? Add(object? a, object? b)
    {
        switch (a, b)
        {
            case (null, _):
                return b;
            case (_, null):
                return a;
            case (double x, double y):
                return x + y;
            case (string x, string y):
                return x + y;
            case (ImmutableList<object?> x, ImmutableList<object?> y):
                return x.AddRange(y);
            case (ImmutableSortedDictionary<string, object?> x, ImmutableSortedDictionary<string, object?> y):
                return x.SetItems(y);
            default:
                throw Fail(a, b, "cannot be added");
        }
    }

    public static object? Subtract(object? a, object? b)
    {
        switch (a, b)
        {
            case (double x, double y):
                return x - y;
            case (ImmutableList<object?> x, ImmutableList<object?> y):
                return x.RemoveAll(item => y.Any(r => JqOrder.AreEqual(item, r)));
            default:
                throw Fail(a, b, "cannot be subtracted");
        }
    }

    public static object? Multiply(object? a, object? b)
    {
        switch (a, b)
        {
            case (double x, double y):
                return x * y;
            case (string s, double n):
                return Repeat(s, n);
            case (double n, string s):
                return Repeat(s, n);
            case (ImmutableSortedDictionary<string, object?> x, ImmutableSortedDictionary<string, object?> y):
                return DeepMerge(x, y);
            default:
                throw Fail(a, b, "cannot be multiplied");
        }
    }

    public static object? Divide(object? a, object? b)
    {
        switch (a, b)
        {
            case (double x, double y):
                if (y == 0)
                {
                    throw Fail(a, b, "cannot be divided because the divisor is zero");
                }

                return x / y;
            case (string x, string y):
                return Split(x, y);
            default:
                throw Fail(a, b, "cannot be divided");
        }
    }

    public static object? Modulo(object? a, object? b)
    {
        if (a is double x && b is double y)
        {
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return double.NaN;
            }

            var divisor = ToLong(y);
            if (divisor == 0)
            {
                throw Fail(a, b, "cannot be divided because the divisor is zero");
            }

            var dividend = ToLong(x);
            // Avoid long.MinValue % -1 overflowing; the result is zero anyway.
            return divisor == -1 ? 0d : (double)(dividend % divisor);
        }

        throw Fail(a, b, "cannot be divided");
    }

    public static ImmutableList<object?> Split(string s, string separator)
    {
        if (s.Length == 0)
        {
            return JqJson.EmptyArray;
        }

        if (separator.Length == 0)
        {
            return JqText.CodePoints(s).Select(cp => (object?)char.ConvertFromUtf32(cp)).ToImmutableList();
        }

        return s.Split(separator).Select(p => (object?)p).ToImmutableList();
    }

    private static long ToLong(double d) => d switch
    {
        >= long.MaxValue => long.MaxValue,
        <= long.MinValue => long.MinValue,
        _ => (long)d,
    };

    // gojq: a non-positive count gives null; a fraction below one still yields the string once.
    private static object? Repeat(string s, double n)
    {
        if (double.IsNaN(n) || n <= 0)
        {
            return null;
        }

        var count = n < 1 ? 1 : (long)n;
        if (s.Length * count > 100_000_000)
        {
            throw JqException.Runtime($"repeat string result too long: {JqJson.Describe(s)} * {JqJson.FormatNumber(n)}");
        }

        var sb = new StringBuilder(s.Length * (int)count);
        for (var i = 0; i < count; i++)
        {
            sb.Append(s);
        }

        return sb.ToString();
    }

    private static ImmutableSortedDictionary<string, object?> DeepMerge(
        ImmutableSortedDictionary<string, object?> a, ImmutableSortedDictionary<string, object?> b)
    {
        var result = a;
        foreach (var (k, v) in b)
        {
            result = result.TryGetValue(k, out var existing)
                && existing is ImmutableSortedDictionary<string, object?> eo
                && v is ImmutableSortedDictionary<string, object?> vo
                ? result.SetItem(k, DeepMerge(eo, vo))
                : result.SetItem(k, v);
        }

        return result;
    }

    private static JqException Fail(object? a, object? b, string what) =>
        JqException.Runtime($"{JqJson.Describe(a)} and {JqJson.Describe(b)} {what}");
}
