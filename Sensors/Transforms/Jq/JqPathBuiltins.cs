using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>path</c>, <c>paths</c>, <c>getpath</c>, <c>setpath</c>, <c>delpaths</c>, <c>del</c>, <c>pick</c>.</summary>
internal static class JqPathBuiltins
{
    public static void Register(JqBuiltinTable t)
    {
        t.Add("path", 1, (input, args, env) => args[0].Paths(JqNode.Root(input), env).Select(p => (object?)p.Path));
        t.Add("paths", 0, (input, _, env) => AllPaths(input, env).Select(p => (object?)p.Path));
        t.Add("paths", 1, (input, args, env) => AllPaths(input, env)
            .Where(p => args[0].Eval(p.Value, env).Any(JqJson.IsTruthy)).Select(p => (object?)p.Path));
        t.Add("leaf_paths", 0, (input, _, env) => AllPaths(input, env)
            .Where(p => p.Value is not (ImmutableList<object?> or ImmutableSortedDictionary<string, object?>))
            .Select(p => (object?)p.Path));
        t.Add("getpath", 1,
            (input, args, env) => args[0].Eval(input, env).Select(p => GetPath(input, p)),
            (c, args, env) => args[0].Eval(c.Value, env).Select(p =>
                new JqPathValue(c.Path.AddRange(JqPaths.RequirePath(p)), GetPath(c.Value, p))));
        t.Value("setpath", (v, p, x) => JqPaths.SetPath(v, JqPaths.RequirePath(p), x));
        t.Value("delpaths", (v, ps) => JqPaths.DeletePaths(v, JqPaths.Iterate(ps is ImmutableList<object?>
            ? ps
            : throw JqException.Runtime("Paths must be specified as an array")).Select(JqPaths.RequirePath)));
        t.Add("del", 1, (input, args, env) =>
            [JqPaths.DeletePaths(input, args[0].Paths(JqNode.Root(input), env).Select(p => p.Path).ToList())]);
        t.Add("pick", 1, (input, args, env) => [args[0].Paths(JqNode.Root(input), env)
            .Aggregate((object?)null, (acc, p) => JqPaths.SetPath(acc, p.Path, JqPaths.GetPath(input, p.Path)))]);
    }

    private static IEnumerable<JqPathValue> AllPaths(object? input, JqEnv env) =>
        new RecurseAllNode().Paths(JqNode.Root(input), env).Skip(1);

    private static object? GetPath(object? input, object? path) => JqPaths.GetPath(input, JqPaths.RequirePath(path));
}
