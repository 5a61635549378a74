using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Source-generated JSON metadata of the NATS lease value.</summary>
[JsonSerializable(typeof(NatsLeaseRecord))]
internal sealed partial class NatsLeaseJsonContext : JsonSerializerContext;
