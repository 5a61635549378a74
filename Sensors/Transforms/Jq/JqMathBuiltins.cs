namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>The common math functions on numbers.</summary>
internal static class JqMathBuiltins
{
    public static void Register(JqBuiltinTable t)
    {
        Unary(t, "floor", Math.Floor);
        Unary(t, "ceil", Math.Ceiling);
        Unary(t, "round", x => Math.Round(x, MidpointRounding.AwayFromZero));
        Unary(t, "trunc", Math.Truncate);
        Unary(t, "sqrt", Math.Sqrt);
        Unary(t, "fabs", Math.Abs);
        Unary(t, "log", Math.Log);
        Unary(t, "log10", Math.Log10);
        Unary(t, "log2", Math.Log2);
        Unary(t, "exp", Math.Exp);
        Unary(t, "exp2", x => Math.Pow(2, x));
        Unary(t, "exp10", x => Math.Pow(10, x));
        t.Value("abs", v => v is double d
            ? (d < 0 ? -d : d)
            : throw JqException.Runtime($"{JqJson.Describe(v)} has no absolute value"));
        t.Add("pow", 2, (input, args, env) => JqBuiltinTable.Arguments(input, args, env).Select(a =>
            (object?)Math.Pow(JqCoreBuiltins.RequireNumber(a[0], "number required"), JqCoreBuiltins.RequireNumber(a[1], "number required"))));
    }

    private static void Unary(JqBuiltinTable t, string name, Func<double, double> f) =>
        t.Value(name, v => f(JqCoreBuiltins.RequireNumber(v, "number required")));
}
