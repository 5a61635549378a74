using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Scripting;
using ArgoEvents.Sensors.Templates;
using ArgoEvents.Sensors.Transforms.Jq;

namespace ArgoEvents.Sensors.Transforms;

/// <summary>
/// A dependency's <c>transform</c>, applied before its filters as Argo does: <c>jq</c> (which wins when both are set)
/// or a Lua <c>script</c>. The result replaces the event data as <c>application/json</c>, written as Go's
/// <c>json.Marshal</c> writes a map (keys sorted at every level, HTML characters escaped). An event without data
/// passes unchanged.
/// </summary>
internal sealed class DependencyTransform : IDisposable
{
    private readonly JqProgram? _jq;
    private readonly LuaTransformScript? _lua;

    private DependencyTransform(JqProgram? jq, LuaTransformScript? lua)
    {
        _jq = jq;
        _lua = lua;
    }

    /// <summary>The transform a dependency declares, compiled; null when it declares none.</summary>
    /// <exception cref="ArgumentException">The jq program or the Lua script does not compile; the message names the field.</exception>
    public static DependencyTransform? Create(EventDependencyTransformer? spec, string fieldPath)
    {
        if (spec is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(spec.Jq))
        {
            try
            {
                return new DependencyTransform(JqProgram.Parse(spec.Jq), null);
            }
            catch (JqException e)
            {
                throw new ArgumentException($"{fieldPath}.jq: {e.Message}", e);
            }
        }

        if (!string.IsNullOrEmpty(spec.Script))
        {
            try
            {
                return new DependencyTransform(null, LuaTransformScript.Compile(spec.Script));
            }
            catch (LuaScriptException e)
            {
                throw new ArgumentException($"{fieldPath}.script: {e.Message}", e);
            }
        }

        return null;
    }

    /// <summary>The transformed event.</summary>
    /// <exception cref="TransformException">The data is not a JSON object, or the program failed or produced no object.</exception>
    public SensorEvent Apply(SensorEvent sensorEvent)
    {
        ArgumentNullException.ThrowIfNull(sensorEvent);
        if (sensorEvent.Data.IsEmpty)
        {
            return sensorEvent;
        }

        byte[] data;
        if (_jq is not null)
        {
            JsonNode? input;
            try
            {
                input = JsonNode.Parse(sensorEvent.Data.Span);
            }
            catch (JsonException e)
            {
                throw new TransformException($"jq transform: the event data is not JSON: {e.Message}", e);
            }

            if (input is not JsonObject)
            {
                throw new TransformException("jq transform: the event data must be a JSON object");
            }

            IReadOnlyList<JsonNode?> outputs;
            try
            {
                outputs = _jq.Run(input);
            }
            catch (JqException e)
            {
                throw new TransformException($"jq transform: {e.Message}", e);
            }

            var result = outputs.Count > 0 ? outputs[0] : throw new TransformException("jq transform: the program produced no output");
            if (result is not JsonObject)
            {
                throw new TransformException("jq transform: the output must be a JSON object");
            }

            // Argo re-encodes gojq's map with Go's json.Marshal: sorted keys, Go's number format, HTML characters escaped.
            using var document = JsonDocument.Parse(result.ToJsonString());
            data = Encoding.UTF8.GetBytes(GoJson.Encode(GoValues.FromJson(document.RootElement), escapeHtml: true, indent: null));
        }
        else
        {
            try
            {
                // The Lua bridge already writes what Go's json.Marshal writes for the returned table.
                data = _lua!.Transform(sensorEvent.Data);
            }
            catch (LuaScriptException e)
            {
                throw new TransformException($"script transform: {e.Message}", e);
            }
        }

        var context = sensorEvent.Context with { DataContentType = "application/json" };
        return new SensorEvent(context, data) { DataIsWellFormedJson = true };
    }

    public void Dispose() => _lua?.Dispose();
}
