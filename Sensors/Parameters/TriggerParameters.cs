using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// Argo's trigger parameterization (<c>pkg/sensors/triggers/params.go</c>) as simple entry points. Each call prepares
/// the list through <see cref="ParameterPlan"/>, whose per-parameter compilation is cached, so calling these for every
/// trigger execution is fine.
/// </summary>
public static class TriggerParameters
{
    /// <summary>Argo's <c>ApplyParams</c>: the parameters applied in order to the JSON document <paramref name="json"/>.</summary>
    /// <returns>The new JSON document, UTF-8.</returns>
    /// <exception cref="TriggerParameterException">A parameter cannot be resolved or set.</exception>
    public static byte[] ApplyToJson(ReadOnlySpan<byte> json, IReadOnlyList<TriggerParameter> parameters, IReadOnlyDictionary<string, SensorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(events);
        return ParameterPlan.Compile(parameters).ApplyToJson(json, events);
    }

    /// <summary>Argo's <c>ConstructPayload</c>: a payload built from the <paramref name="payload"/> parameters (empty when none sets anything).</summary>
    /// <exception cref="TriggerParameterException">A parameter cannot be resolved or set.</exception>
    public static byte[] ConstructPayload(IReadOnlyDictionary<string, SensorEvent> events, IReadOnlyList<TriggerParameter> payload)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(payload);
        return ParameterPlan.Compile(payload).ConstructPayload(events);
    }

    /// <summary>
    /// Argo's <c>ApplyTemplateParameters</c> / <c>ApplyResourceParameters</c>: the model written as JSON, the parameters
    /// applied, and the result bound back. Returns <paramref name="model"/> itself when <paramref name="parameters"/> is empty.
    /// </summary>
    /// <exception cref="TriggerParameterException">A parameter cannot be applied, or the result does not fit <typeparamref name="TModel"/>.</exception>
    public static TModel ApplyToModel<TModel>(TModel model, IReadOnlyList<TriggerParameter> parameters, IReadOnlyDictionary<string, SensorEvent> events)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(events);
        return ParameterPlan.Compile(parameters).ApplyToModel(model, events);
    }
}
