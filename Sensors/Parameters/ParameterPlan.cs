using System.Text;
using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// A trigger's parameter list prepared for repeated use: keys, templates and dest paths are compiled once (per
/// parameter instance), and each application parses an event's data and context at most once however many parameters
/// read them. Parameters apply in order, each to the result of the previous one, as Argo applies them.
/// </summary>
public sealed class ParameterPlan
{
    private readonly CompiledParameter[] _parameters;

    private ParameterPlan(CompiledParameter[] parameters)
    {
        _parameters = parameters;
    }

    /// <summary>The number of parameters.</summary>
    public int Count => _parameters.Length;

    /// <summary>Prepares <paramref name="parameters"/>; preparing the same parameter instances again is cheap.</summary>
    /// <exception cref="ArgumentException">The list holds a null parameter.</exception>
    public static ParameterPlan Compile(IReadOnlyList<TriggerParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var compiled = new CompiledParameter[parameters.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            var parameter = parameters[i] ?? throw new ArgumentException($"parameter {i} is null", nameof(parameters));
            compiled[i] = CompiledParameter.For(parameter);
        }

        return new ParameterPlan(compiled);
    }

    /// <summary>
    /// Argo's <c>ApplyParams</c>: each parameter's value set at its dest in <paramref name="json"/> (overwrite, append or
    /// prepend); parameters of dependencies without an event and without a <c>value</c> are skipped.
    /// </summary>
    /// <returns>The new JSON document, UTF-8.</returns>
    /// <exception cref="TriggerParameterException">A parameter cannot be resolved or set; it names the parameter and the cause.</exception>
    public byte[] ApplyToJson(ReadOnlySpan<byte> json, IReadOnlyDictionary<string, SensorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_parameters.Length == 0)
        {
            return json.ToArray();
        }

        using var payloads = new EventPayloads();
        byte[]? current = null;
        foreach (var parameter in _parameters)
        {
            var next = parameter.ApplyTo(current is null ? json : current, events, payloads);
            if (next is not null)
            {
                current = next;
            }
        }

        return current ?? json.ToArray();
    }

    /// <summary>
    /// Argo's <c>ConstructPayload</c>: a JSON document built from nothing, each resolved value set at its dest. A
    /// parameter with an empty dest makes its value the whole payload, and the parameters after it are not read.
    /// When no parameter sets anything the payload is empty (no bytes), as in Argo.
    /// </summary>
    /// <exception cref="TriggerParameterException">A parameter cannot be resolved or set; it names the parameter and the cause.</exception>
    public byte[] ConstructPayload(IReadOnlyDictionary<string, SensorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var payloads = new EventPayloads();
        byte[] payload = [];
        foreach (var parameter in _parameters)
        {
            // Argo dereferences a skipped value here and panics; skipping it as ApplyParams does is the sane reading.
            if (parameter.Resolve(events, payloads) is not { } value)
            {
                continue;
            }

            if (parameter.Dest.Length == 0)
            {
                return Encoding.UTF8.GetBytes(value.Text);
            }

            payload = parameter.Set(payload, value);
        }

        return payload;
    }

    /// <summary>
    /// Argo's <c>ApplyTemplateParameters</c> / <c>ApplyResourceParameters</c>: <paramref name="model"/> written as JSON,
    /// the parameters applied, and the result bound back to a new <typeparamref name="TModel"/>. Returns
    /// <paramref name="model"/> itself when there are no parameters.
    /// </summary>
    /// <exception cref="TriggerParameterException">A parameter cannot be applied, or the result does not fit <typeparamref name="TModel"/>.</exception>
    public TModel ApplyToModel<TModel>(TModel model, IReadOnlyDictionary<string, SensorEvent> events)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(events);
        if (_parameters.Length == 0)
        {
            return model;
        }

        var json = ApplyToJson(ManifestJson.Serialize(model), events);
        try
        {
            return ManifestJson.Bind<TModel>(json, $"parameterized {typeof(TModel).Name}");
        }
        catch (ManifestLoadException e)
        {
            throw new TriggerParameterException(
                $"the {typeof(TModel).Name} with parameters applied no longer fits the model: {string.Join("; ", e.Errors)}",
                e);
        }
    }
}
