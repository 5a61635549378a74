namespace ArgoEvents.Sensors.Templates;

/// <summary>Every function templates may call: text/template's builtins and the supported sprig functions.</summary>
internal static class TemplateFunctions
{
    private static readonly Dictionary<string, TemplateFunction> All = Build();

    /// <summary>The names of every function, for documentation and tests.</summary>
    public static IEnumerable<string> Names => All.Keys;

    /// <summary>Looks up the function called <paramref name="name"/>.</summary>
    public static bool TryGet(string name, out TemplateFunction function) => All.TryGetValue(name, out function!);

    private static Dictionary<string, TemplateFunction> Build()
    {
        var functions = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        SprigStringFunctions.Register(functions);
        SprigValueFunctions.Register(functions);

        // Builtins last: where sprig and text/template share a name, text/template's own wins, as in Go.
        BuiltinFunctions.Register(functions);
        return functions;
    }
}
