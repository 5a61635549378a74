namespace ArgoEvents.EventSources.Filtering;

/// <summary>A callable builtin: its name, how many arguments it takes, and what it does.</summary>
internal sealed record ExprFunction(string Name, int MinArguments, int MaxArguments, Func<object?[], object?> Body)
{
    public object? Invoke(object?[] arguments) => Body(arguments);
}
