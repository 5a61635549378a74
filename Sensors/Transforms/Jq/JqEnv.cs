namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>The variables in scope: an immutable linked list, so closures and generators can share it freely.</summary>
internal sealed class JqEnv
{
    public static readonly JqEnv Empty = new(string.Empty, null, null);

    private readonly string name;
    private readonly object? value;
    private readonly JqEnv? parent;

    private JqEnv(string name, object? value, JqEnv? parent)
    {
        this.name = name;
        this.value = value;
        this.parent = parent;
    }

    public JqEnv Bind(string variable, object? boundValue) => new(variable, boundValue, this);

    public object? Lookup(string variable)
    {
        for (var env = this; env?.parent is not null; env = env.parent)
        {
            if (env.name == variable)
            {
                return env.value;
            }
        }

        // The parser rejects undefined variables, so this is a bug if reached.
        throw new InvalidOperationException($"${variable} is not defined");
    }
}
