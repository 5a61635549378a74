namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// A binding target after <c>as</c>: <c>$name</c>, an array pattern <c>[$a, $b]</c> or an object pattern
/// <c>{key: $v, $name, "k": [$x], (expr): $y}</c>. Object key expressions may produce several keys, so binding
/// yields one environment per combination.
/// </summary>
internal sealed class JqPattern
{
    private readonly string? variable;
    private readonly IReadOnlyList<JqPattern>? elements;
    private readonly IReadOnlyList<(JqNode Key, string? KeyVariable, JqPattern? Value)>? entries;

    private JqPattern(string? variable, IReadOnlyList<JqPattern>? elements, IReadOnlyList<(JqNode, string?, JqPattern?)>? entries)
    {
        this.variable = variable;
        this.elements = elements;
        this.entries = entries;
    }

    public static JqPattern Variable(string name) => new(name, null, null);

    public static JqPattern Array(IReadOnlyList<JqPattern> elements) => new(null, elements, null);

    public static JqPattern Object(IReadOnlyList<(JqNode Key, string? KeyVariable, JqPattern? Value)> entries) => new(null, null, entries);

    public IEnumerable<string> Variables()
    {
        if (variable is not null)
        {
            yield return variable;
        }

        foreach (var e in elements ?? [])
        {
            foreach (var v in e.Variables())
            {
                yield return v;
            }
        }

        foreach (var (_, keyVariable, value) in entries ?? [])
        {
            if (keyVariable is not null)
            {
                yield return keyVariable;
            }

            foreach (var v in value?.Variables() ?? [])
            {
                yield return v;
            }
        }
    }

    public IEnumerable<JqEnv> Bind(object? value, object? input, JqEnv env)
    {
        if (variable is not null)
        {
            return [env.Bind(variable, value)];
        }

        if (elements is not null)
        {
            IEnumerable<JqEnv> envs = [env];
            for (var i = 0; i < elements.Count; i++)
            {
                var element = elements[i];
                var item = value is null ? null : JqPaths.Index(value, (double)i);
                envs = envs.SelectMany(e => element.Bind(item, input, e));
            }

            return envs;
        }

        IEnumerable<JqEnv> result = [env];
        foreach (var (key, keyVariable, pattern) in entries!)
        {
            result = result.SelectMany(e => key.Eval(input, e).SelectMany(k =>
            {
                if (k is not string)
                {
                    throw JqException.Runtime($"Cannot index {JqJson.TypeName(value)} with {JqJson.TypeName(k)}");
                }

                var item = JqPaths.Index(value, k);
                var bound = keyVariable is null ? e : e.Bind(keyVariable, item);
                return pattern is null ? [bound] : pattern.Bind(item, input, bound);
            }));
        }

        return result;
    }
}
