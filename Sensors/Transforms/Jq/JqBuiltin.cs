namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>Runs a builtin on an input; the arguments are unevaluated closures, as in jq.</summary>
internal delegate IEnumerable<object?> JqBuiltinEval(object? input, JqNode[] args, JqEnv env);

/// <summary>Runs a builtin as a path expression.</summary>
internal delegate IEnumerable<JqPathValue> JqBuiltinPaths(JqPathValue current, JqNode[] args, JqEnv env);

/// <summary>A builtin function <c>name/arity</c>; <see cref="Paths"/> is set for those valid in path expressions.</summary>
internal sealed record JqBuiltin(string Name, int Arity, JqBuiltinEval Eval, JqBuiltinPaths? Paths);
