using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>Argo's <c>ApplyResourceParameters</c>: the trigger's own <c>parameters</c> written into the fetched object.</summary>
internal static class ResourceParameters
{
    /// <summary>The object JSON with the parameters applied; the same bytes when there are none.</summary>
    /// <exception cref="TriggerExecutionException">A parameter could not be resolved or written; the message names it.</exception>
    public static byte[] Apply(byte[] json, IReadOnlyList<TriggerParameter> parameters, IReadOnlyDictionary<string, SensorEvent> events, string fieldPath)
    {
        if (parameters.Count == 0)
        {
            return json;
        }

        try
        {
            return TriggerParameters.ApplyToJson(json, parameters, events);
        }
        catch (TriggerParameterException e)
        {
            throw new TriggerExecutionException($"{fieldPath}: {e.Message}", e);
        }
    }
}
