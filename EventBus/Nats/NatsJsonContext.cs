using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.Nats;

/// <summary>Source-generated JSON metadata for the core protocol's INFO and CONNECT bodies.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NatsServerInfo))]
[JsonSerializable(typeof(ConnectCommand))]
internal sealed partial class NatsJsonContext : JsonSerializerContext;
