using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>Control flow, types and conversions: <c>empty</c>, <c>error</c>, <c>select</c>, <c>length</c>, <c>type</c>, ...</summary>
internal static class JqCoreBuiltins
{
    public static void Register(JqBuiltinTable t)
    {
        t.Add("empty", 0, (_, _, _) => [], (_, _, _) => []);
        t.Add("error", 0, (input, _, _) => throw JqException.Raise(input));
        t.Add("error", 1, (input, args, env) => args[0].Eval(input, env).Select(RaiseError));
        t.Value("not", v => !JqJson.IsTruthy(v));
        t.Value("type", JqJson.TypeName);
        t.Value("length", Length);
        t.Value("utf8bytelength", v => v is string s
            ? (double)System.Text.Encoding.UTF8.GetByteCount(s)
            : throw JqException.Runtime($"{JqJson.Describe(v)} only strings have UTF-8 byte length"));
        t.Add("select", 1, Select, SelectPaths);
        t.Add("recurse", 0, (input, _, env) => new RecurseAllNode().Eval(input, env), (c, _, env) => new RecurseAllNode().Paths(c, env));
        t.Add("recurse", 1, (input, args, env) => Recurse(JqNode.Root(input), args[0], null, env, false).Select(p => p.Value),
            (c, args, env) => Recurse(c, args[0], null, env, true));
        t.Add("recurse", 2, (input, args, env) => Recurse(JqNode.Root(input), args[0], args[1], env, false).Select(p => p.Value),
            (c, args, env) => Recurse(c, args[0], args[1], env, true));
        t.Add("first", 1, (input, args, env) => args[0].Eval(input, env).Take(1), (c, args, env) => args[0].Paths(c, env).Take(1));
        t.Add("last", 1, (input, args, env) => Last(args[0].Eval(input, env)), (c, args, env) => Last(args[0].Paths(c, env)));
        t.Add("limit", 2, (input, args, env) => args[0].Eval(input, env).SelectMany(n => Limit(n, args[1].Eval(input, env))),
            (c, args, env) => args[0].Eval(c.Value, env).SelectMany(n => Limit(n, args[1].Paths(c, env))));
        t.Add("nth", 2, (input, args, env) => args[0].Eval(input, env).SelectMany(n => Nth(n, args[1].Eval(input, env))));
        t.Add("isempty", 1, (input, args, env) => [!args[0].Eval(input, env).Any()]);
        t.Add("until", 2, (input, args, env) => Until(input, args[0], args[1], env));
        t.Add("while", 2, (input, args, env) => While(input, args[0], args[1], env));
        t.Add("repeat", 1, (input, args, env) => Repeat(input, args[0], env));
        t.Generator("range", (_, a) => Range(0d, a[0], 1d), 1);
        t.Generator("range", (_, a) => Range(a[0], a[1], 1d), 2);
        t.Generator("range", (_, a) => Range(a[0], a[1], a[2]), 3);
        t.Value("tostring", v => v as string ?? JqJson.Dump(v));
        t.Value("tonumber", ToNumber);
        t.Value("tojson", v => JqJson.Dump(v));
        t.Value("fromjson", v => v is string s ? JqJson.Parse(s) : throw JqException.Runtime($"{JqJson.Describe(v)} cannot be parsed as JSON"));
        t.Value("toarray", v => v as ImmutableList<object?> ?? ImmutableList.Create(v));
        t.Value("infinite", _ => double.PositiveInfinity);
        t.Value("nan", _ => double.NaN);
        t.Value("isinfinite", v => double.IsInfinity(RequireNumber(v, "number required")));
        t.Value("isnan", v => double.IsNaN(RequireNumber(v, "number required")));
        t.Value("isnormal", v => double.IsNormal(RequireNumber(v, "number required")));
        TypeSelector(t, "arrays", v => v is ImmutableList<object?>);
        TypeSelector(t, "objects", v => v is ImmutableSortedDictionary<string, object?>);
        TypeSelector(t, "iterables", v => v is ImmutableList<object?> or ImmutableSortedDictionary<string, object?>);
        TypeSelector(t, "booleans", v => v is bool);
        TypeSelector(t, "numbers", v => v is double);
        TypeSelector(t, "strings", v => v is string);
        TypeSelector(t, "nulls", v => v is null);
        TypeSelector(t, "values", v => v is not null);
        TypeSelector(t, "scalars", v => v is not (ImmutableList<object?> or ImmutableSortedDictionary<string, object?>));
    }

    private static object? RaiseError(object? value) => throw JqException.Raise(value);

    public static double RequireNumber(object? v, string message) =>
        v as double? ?? throw JqException.Runtime($"{JqJson.Describe(v)} {message}");

    private static void TypeSelector(JqBuiltinTable t, string name, Func<object?, bool> test) =>
        t.Add(name, 0, (input, _, _) => test(input) ? [input] : [], (c, _, _) => test(c.Value) ? [c] : []);

    private static object? Length(object? v) => v switch
    {
        null => 0d,
        bool => throw JqException.Runtime($"{JqJson.Describe(v)} has no length"),
        double d => Math.Abs(d),
        string s => (double)JqText.CodePointLength(s),
        ImmutableList<object?> a => (double)a.Count,
        ImmutableSortedDictionary<string, object?> o => (double)o.Count,
        _ => throw JqException.Runtime($"{JqJson.Describe(v)} has no length"),
    };

    private static IEnumerable<object?> Select(object? input, JqNode[] args, JqEnv env) =>
        args[0].Eval(input, env).Where(JqJson.IsTruthy).Select(_ => input);

    private static IEnumerable<JqPathValue> SelectPaths(JqPathValue current, JqNode[] args, JqEnv env) =>
        args[0].Eval(current.Value, env).Where(JqJson.IsTruthy).Select(_ => current);

    private static IEnumerable<JqPathValue> Recurse(JqPathValue current, JqNode f, JqNode? condition, JqEnv env, bool paths)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        yield return current;
        var next = paths ? f.Paths(current, env) : f.Eval(current.Value, env).Select(v => new JqPathValue(current.Path, v));
        foreach (var child in next)
        {
            if (condition is not null && !condition.Eval(child.Value, env).Any(JqJson.IsTruthy))
            {
                continue;
            }

            foreach (var r in Recurse(child, f, condition, env, paths))
            {
                yield return r;
            }
        }
    }

    private static IEnumerable<T> Last<T>(IEnumerable<T> source)
    {
        var any = false;
        T last = default!;
        foreach (var item in source)
        {
            any = true;
            last = item;
        }

        return any ? [last] : [];
    }

    private static IEnumerable<T> Limit<T>(object? n, IEnumerable<T> source)
    {
        // As jq's definition: zero yields nothing, a negative count everything.
        var count = RequireNumber(n, "Invalid limit: must be a number");
        return count switch
        {
            0 => [],
            < 0 => source,
            _ => source.Take((int)Math.Min(Math.Ceiling(count), int.MaxValue)),
        };
    }

    private static IEnumerable<object?> Nth(object? n, IEnumerable<object?> source)
    {
        var index = RequireNumber(n, "Invalid nth: must be a number");
        if (index < 0)
        {
            throw JqException.Runtime("Out of bounds negative array index");
        }

        return source.Skip((int)Math.Min(index, int.MaxValue)).Take(1);
    }

    private static IEnumerable<object?> Until(object? input, JqNode condition, JqNode update, JqEnv env)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var c in condition.Eval(input, env))
        {
            if (JqJson.IsTruthy(c))
            {
                yield return input;
                continue;
            }

            foreach (var next in update.Eval(input, env))
            {
                foreach (var r in Until(next, condition, update, env))
                {
                    yield return r;
                }
            }
        }
    }

    private static IEnumerable<object?> While(object? input, JqNode condition, JqNode update, JqEnv env)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var c in condition.Eval(input, env))
        {
            if (!JqJson.IsTruthy(c))
            {
                continue;
            }

            yield return input;
            foreach (var next in update.Eval(input, env))
            {
                foreach (var r in While(next, condition, update, env))
                {
                    yield return r;
                }
            }
        }
    }

    private static IEnumerable<object?> Repeat(object? input, JqNode f, JqEnv env)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        yield return input;
        foreach (var next in f.Eval(input, env))
        {
            foreach (var r in Repeat(next, f, env))
            {
                yield return r;
            }
        }
    }

    private static IEnumerable<object?> Range(object? from, object? upto, object? by)
    {
        if (from is not double f || upto is not double u || by is not double b)
        {
            throw JqException.Runtime("Range bounds must be numeric");
        }

        if (b > 0)
        {
            for (var x = f; x < u; x += b)
            {
                yield return x;
            }
        }
        else if (b < 0)
        {
            for (var x = f; x > u; x += b)
            {
                yield return x;
            }
        }
    }

    private static object? ToNumber(object? v)
    {
        switch (v)
        {
            case double:
                return v;
            case string s:
                var trimmed = s.Trim();
                if (trimmed.Length > 0 && (char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '-' or '+' or '.')
                    && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }

                throw JqException.Runtime($"Cannot parse '{s}' as JSON");
            default:
                throw JqException.Runtime($"{JqJson.Describe(v)} cannot be parsed as a number");
        }
    }
}
