using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Scripting;
using ArgoEvents.Sensors.Transforms.Jq;

namespace ArgoEvents.Sensors.Transforms;

/// <summary>
/// A dependency's <c>transform</c>, applied before its filters as Argo does: <c>jq</c> (which wins when both are set)
/// or a Lua <c>script</c>. The result replaces the event data as <c>application/json</c>, written as Go's
/// <c>json.Marshal</c> writes a map: object keys sorted at every level. An event without data passes unchanged.
/// </summary>
internal sealed class DependencyTransform : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

        JsonNode? result;
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

            result = outputs.Count > 0 ? outputs[0] : throw new TransformException("jq transform: the program produced no output");
            if (result is not JsonObject)
            {
                throw new TransformException("jq transform: the output must be a JSON object");
            }
        }
        else
        {
            byte[] transformed;
            try
            {
                transformed = _lua!.Transform(sensorEvent.Data);
            }
            catch (LuaScriptException e)
            {
                throw new TransformException($"script transform: {e.Message}", e);
            }

            result = JsonNode.Parse(transformed);
        }

        var context = sensorEvent.Context with { DataContentType = "application/json" };
        return new SensorEvent(context, WriteSorted(result));
    }

    public void Dispose() => _lua?.Dispose();

    private static byte[] WriteSorted(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, node);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
