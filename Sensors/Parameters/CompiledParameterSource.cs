using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Filters.Gjson;
using ArgoEvents.Sensors.Templates;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// A <see cref="TriggerParameterSource"/> prepared once: which part of the event it reads (data wins over context), its
/// gjson key compiled and its Go template parsed. A template that does not parse is kept as an error, because Argo
/// then falls back to the key and the value just as it does when the template fails to execute.
/// </summary>
internal sealed class CompiledParameterSource
{
    /// <summary>Prepares <paramref name="source"/>.</summary>
    public CompiledParameterSource(TriggerParameterSource source)
    {
        Source = source;
        DependencyName = source.DependencyName ?? string.Empty;
        ReadsData = !string.IsNullOrEmpty(source.DataKey) || !string.IsNullOrEmpty(source.DataTemplate);
        var readsContext = !string.IsNullOrEmpty(source.ContextKey) || !string.IsNullOrEmpty(source.ContextTemplate);
        SelectsPart = ReadsData || readsContext;
        Key = ReadsData ? source.DataKey : source.ContextKey;
        TemplateText = ReadsData ? source.DataTemplate : source.ContextTemplate;

        if (!string.IsNullOrEmpty(Key))
        {
            try
            {
                KeyPath = GjsonPath.Compile(Key);
            }
            catch (GjsonPathException e)
            {
                KeyError = e.Message;
            }
        }

        if (!string.IsNullOrEmpty(TemplateText))
        {
            try
            {
                Template = GoTemplate.Parse(TemplateText);
            }
            catch (GoTemplateException e)
            {
                TemplateError = e.Message;
            }
        }
    }

    /// <summary>The source as written.</summary>
    public TriggerParameterSource Source { get; }

    /// <summary><c>dependencyName</c>, empty when unset.</summary>
    public string DependencyName { get; }

    /// <summary>Whether any of contextKey, contextTemplate, dataKey or dataTemplate is set.</summary>
    public bool SelectsPart { get; }

    /// <summary>Whether the data is read (dataKey or dataTemplate set) rather than the context.</summary>
    public bool ReadsData { get; }

    /// <summary>The gjson key of the part read, or null.</summary>
    public string? Key { get; }

    /// <summary>The compiled <see cref="Key"/>, or null when unset or not compilable.</summary>
    public GjsonPath? KeyPath { get; }

    /// <summary>Why <see cref="Key"/> could not be compiled: gjson syntax this evaluator refuses.</summary>
    public string? KeyError { get; }

    /// <summary>The Go template text of the part read, or null.</summary>
    public string? TemplateText { get; }

    /// <summary>The parsed template, or null when unset or not parseable.</summary>
    public GoTemplate? Template { get; }

    /// <summary>Why the template did not parse.</summary>
    public string? TemplateError { get; }
}
