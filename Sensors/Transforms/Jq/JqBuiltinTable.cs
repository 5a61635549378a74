namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// The builtins by <c>name/arity</c>, with helpers for the common shapes: value functions of the input, and
/// functions of <c>$</c>-parameters (run once per combination of the arguments' outputs, the first varying slowest).
/// </summary>
internal sealed class JqBuiltinTable
{
    private readonly Dictionary<string, JqBuiltin> builtins = new(StringComparer.Ordinal);

    public bool TryGet(string name, int arity, out JqBuiltin builtin) =>
        builtins.TryGetValue($"{name}/{arity}", out builtin!);

    public IEnumerable<string> Names => builtins.Keys;

    public void Add(string name, int arity, JqBuiltinEval eval, JqBuiltinPaths? paths = null) =>
        builtins.Add($"{name}/{arity}", new JqBuiltin(name, arity, eval, paths));

    public void Value(string name, Func<object?, object?> f) => Add(name, 0, (input, _, _) => [f(input)]);

    public void Value(string name, Func<object?, object?, object?> f) =>
        Add(name, 1, (input, args, env) => Arguments(input, args, env).Select(a => f(input, a[0])));

    public void Value(string name, Func<object?, object?, object?, object?> f) =>
        Add(name, 2, (input, args, env) => Arguments(input, args, env).Select(a => f(input, a[0], a[1])));

    public void Generator(string name, Func<object?, object?[], IEnumerable<object?>> f, int arity) =>
        Add(name, arity, (input, args, env) => Arguments(input, args, env).SelectMany(a => f(input, a)));

    public static IEnumerable<object?[]> Arguments(object? input, JqNode[] args, JqEnv env)
    {
        IEnumerable<object?[]> combos = [new object?[args.Length]];
        for (var i = 0; i < args.Length; i++)
        {
            var index = i;
            combos = combos.SelectMany(c => args[index].Eval(input, env).Select(v =>
            {
                var copy = (object?[])c.Clone();
                copy[index] = v;
                return copy;
            }));
        }

        return combos;
    }
}
