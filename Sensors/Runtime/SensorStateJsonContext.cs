using System.Text.Json.Serialization;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>Source-generated JSON for the spec records of the sensor's bucket.</summary>
[JsonSerializable(typeof(Dictionary<string, ulong>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class SensorStateJsonContext : JsonSerializerContext;
