using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters;

namespace ArgoEvents.Sensors.Triggers.Http;

/// <summary>
/// Resolves the value of one <c>dynamicHeaders</c> entry from the events, as Argo's <c>ResolveParamValue</c> gives
/// it: a string's text, or the JSON text of anything else.
/// </summary>
internal static class DynamicHeaderValue
{
    /// <summary>
    /// The header value <paramref name="header"/> resolves to; null when its dependency did not fire and it has no
    /// <c>value</c> (the header is then left out). <paramref name="fieldPath"/> names the entry in errors.
    /// </summary>
    /// <exception cref="TriggerExecutionException">The source does not resolve.</exception>
    public static string? Resolve(TriggerParameter header, IReadOnlyDictionary<string, SensorEvent> events, string fieldPath)
    {
        if (header.Src is null)
        {
            throw new TriggerExecutionException($"{fieldPath}.src is required: where the value of header '{header.Dest}' comes from.");
        }

        try
        {
            return ParameterValueResolver.Resolve(header.Src, events)?.Text;
        }
        catch (TriggerParameterException e)
        {
            throw new TriggerExecutionException($"{fieldPath}: the value of header '{header.Dest}' does not resolve: {e.Message}", e);
        }
    }
}
