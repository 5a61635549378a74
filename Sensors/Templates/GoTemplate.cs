namespace ArgoEvents.Sensors.Templates;

/// <summary>
/// A Go <c>text/template</c> with the sprig functions, as Argo Events evaluates data filter templates and trigger
/// parameter templates. Parse once, execute many times (thread-safe).
/// </summary>
public sealed class GoTemplate
{
    private readonly string _text;
    private readonly ListNode _root;

    private GoTemplate(string text, ListNode root)
    {
        _text = text;
        _root = root;
    }

    /// <summary>The template text.</summary>
    public string Text => _text;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="GoTemplateException">A syntax error or an unknown function or variable, naming the position.</exception>
    public static GoTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new GoTemplate(text, TemplateParser.Parse(text));
    }

    /// <summary>
    /// Executes the template with <paramref name="dot"/> as <c>.</c>: null, string, bool, double, long,
    /// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value or <see cref="IReadOnlyList{T}"/> of values.
    /// </summary>
    /// <exception cref="GoTemplateException">An execution error, naming the position and what was wrong.</exception>
    public string Execute(object? dot) => TemplateExecutor.Execute(_text, _root, dot);

    /// <inheritdoc/>
    public override string ToString() => _text;
}
