using System.Runtime.CompilerServices;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Filters.Gjson;
using ArgoEvents.Sensors.Templates;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// Argo's <c>ResolveParamValue</c>: the value of a parameter source given the events of a trigger round. A dependency
/// without an event gives <c>value</c> or nothing (the parameter is skipped); no key or template gives <c>value</c> or
/// the whole event; otherwise the template, then the key, then <c>value</c>, else an error.
/// </summary>
internal static class ParameterValueResolver
{
    private const string NoValue = "<no value>";

    private static readonly ConditionalWeakTable<TriggerParameterSource, CompiledParameterSource> Compiled = [];

    /// <summary>Resolves <paramref name="source"/> on its own (tests and one-off use); null means the parameter is skipped.</summary>
    /// <exception cref="TriggerParameterException">The value cannot be resolved.</exception>
    public static ParameterValue? Resolve(TriggerParameterSource source, IReadOnlyDictionary<string, SensorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(events);
        using var payloads = new EventPayloads();
        return Resolve(Compile(source), events, payloads, dest: null);
    }

    /// <summary>The prepared form of <paramref name="source"/>, made once per source instance.</summary>
    public static CompiledParameterSource Compile(TriggerParameterSource source) =>
        Compiled.GetValue(source, static s => new CompiledParameterSource(s));

    /// <summary>Resolves a prepared source; <paramref name="dest"/> only names the parameter in errors.</summary>
    /// <exception cref="TriggerParameterException">The value cannot be resolved.</exception>
    public static ParameterValue? Resolve(CompiledParameterSource source, IReadOnlyDictionary<string, SensorEvent> events, EventPayloads payloads, string? dest)
    {
        var literal = source.Source.Value;
        if (!events.TryGetValue(source.DependencyName, out var sensorEvent) || sensorEvent is null)
        {
            // A dependency that did not fire (an || condition) is not an error.
            return literal is null ? null : ParameterValue.String(literal);
        }

        if (!source.SelectsPart)
        {
            return ParameterValue.String(literal ?? payloads.GetWholeEvent(sensorEvent));
        }

        System.Text.Json.JsonElement root;
        if (source.ReadsData)
        {
            if (!payloads.TryGetData(sensorEvent, out root, out var dataError))
            {
                return literal is not null
                    ? ParameterValue.String(literal)
                    : throw new TriggerParameterException(dest, source.DependencyName, dataError!);
            }
        }
        else
        {
            root = payloads.GetContext(sensorEvent);
        }

        string? templateCause = null;
        if (!string.IsNullOrEmpty(source.TemplateText))
        {
            if (source.Template is null)
            {
                templateCause = source.TemplateError;
            }
            else
            {
                try
                {
                    var input = source.ReadsData ? payloads.GetDataValue(sensorEvent) : payloads.GetContextValue(sensorEvent);
                    var output = source.Template.Execute(new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["Input"] = input });
                    if (output.Length > 0 && output != NoValue)
                    {
                        return ParameterValue.String(output);
                    }

                    templateCause = $"template evaluated to empty string or no value: {source.TemplateText}";
                }
                catch (GoTemplateException e)
                {
                    templateCause = e.Message;
                }
            }
        }

        string? keyCause = null;
        if (!string.IsNullOrEmpty(source.Key))
        {
            if (source.KeyPath is null)
            {
                throw new TriggerParameterException(dest, source.DependencyName, $"{(source.ReadsData ? "dataKey" : "contextKey")}: {source.KeyError}");
            }

            var found = source.KeyPath.Get(root);
            if (found.Exists)
            {
                return FromKey(found);
            }

            keyCause = $"key {source.Key} does not exist in the event {(source.ReadsData ? "data" : "context")}";
        }

        if (literal is not null)
        {
            return ParameterValue.String(literal);
        }

        var cause = (templateCause, keyCause) switch
        {
            (null, null) => "<nil>",
            (not null, null) => templateCause,
            (null, not null) => keyCause,
            _ => $"{templateCause}; {keyCause}",
        };
        throw new TriggerParameterException(dest, source.DependencyName, $"unable to resolve '{source.DependencyName}' parameter value. err: {cause}");
    }

    // Argo's getValueByKey: strings as their text; objects, arrays and null as raw JSON; numbers and booleans as gjson's text.
    private static ParameterValue FromKey(GjsonResult found) => found.Type switch
    {
        GjsonType.String => ParameterValue.String(found.ToString()),
        GjsonType.Number => new ParameterValue(GjsonText.Number(found.Raw), false),
        GjsonType.True => new ParameterValue("true", false),
        GjsonType.False => new ParameterValue("false", false),
        GjsonType.Null => new ParameterValue("null", false),
        _ => new ParameterValue(found.Raw, false),
    };
}
