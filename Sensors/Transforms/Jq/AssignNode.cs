using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// The assignment operators, with jq 1.7's meaning. <c>=</c>, <c>op=</c> and <c>//=</c> evaluate the right side
/// against the original input (once per output, each giving one result) and write it to every path of the left side;
/// <c>|=</c> runs its right side on each path's current value, keeping the first output and deleting the path when
/// there is none.
/// </summary>
internal sealed class AssignNode(JqAssignKind kind, JqBinaryOperator op, JqNode lhs, JqNode rhs) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        if (kind == JqAssignKind.Update)
        {
            yield return Update(input, env);
            yield break;
        }

        foreach (var v in rhs.Eval(input, env))
        {
            var result = input;
            foreach (var p in lhs.Paths(Root(input), env).Select(p => p.Path).ToList())
            {
                var next = kind switch
                {
                    JqAssignKind.Set => v,
                    JqAssignKind.Arithmetic => JqArithmetic.Apply(op, JqPaths.GetPath(result, p), v),
                    _ => JqJson.IsTruthy(JqPaths.GetPath(result, p)) ? JqPaths.GetPath(result, p) : v,
                };
                result = JqPaths.SetPath(result, p, next);
            }

            yield return result;
        }
    }

    private object? Update(object? input, JqEnv env)
    {
        var result = input;
        var deletions = new List<ImmutableList<object?>>();
        foreach (var p in lhs.Paths(Root(input), env).Select(p => p.Path).ToList())
        {
            var current = JqPaths.GetPath(result, p);
            using var outputs = rhs.Eval(current, env).GetEnumerator();
            if (outputs.MoveNext())
            {
                result = JqPaths.SetPath(result, p, outputs.Current);
            }
            else
            {
                deletions.Add(p);
            }
        }

        return deletions.Count == 0 ? result : JqPaths.DeletePaths(result, deletions);
    }
}
