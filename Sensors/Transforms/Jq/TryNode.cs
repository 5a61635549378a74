namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// <c>try A catch B</c> and <c>A?</c>: an error in A ends A's outputs; B (if any) runs on the error's value. Errors
/// raised after an output has been handed on are not caught, as in jq 1.7.
/// </summary>
internal sealed class TryNode(JqNode body, JqNode? handler) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        Guard(() => body.Eval(input, env), handler is null ? null : e => handler.Eval(e.CaughtValue, env));

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env) =>
        Guard(() => body.Paths(current, env), handler is null ? null : e => handler.Paths(new JqPathValue(current.Path, e.CaughtValue), env));

    /// <summary>Yields <paramref name="source"/>'s items until one fails, then the handler's outputs for that error.</summary>
    public static IEnumerable<T> Guard<T>(Func<IEnumerable<T>> source, Func<JqException, IEnumerable<T>>? onError)
    {
        IEnumerator<T>? e = null;
        try
        {
            while (true)
            {
                T item = default!;
                JqException? error = null;
                try
                {
                    e ??= source().GetEnumerator();
                    if (!e.MoveNext())
                    {
                        yield break;
                    }

                    item = e.Current;
                }
                catch (JqException ex)
                {
                    error = ex;
                }

                if (error is not null)
                {
                    foreach (var h in onError?.Invoke(error) ?? [])
                    {
                        yield return h;
                    }

                    yield break;
                }

                yield return item;
            }
        }
        finally
        {
            e?.Dispose();
        }
    }
}
