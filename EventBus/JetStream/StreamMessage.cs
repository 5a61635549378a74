using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>A message read back from a stream by sequence or by subject.</summary>
/// <param name="Stream">The stream it was read from.</param>
/// <param name="Subject">The subject it was published to.</param>
/// <param name="Sequence">Its stream sequence.</param>
/// <param name="Time">When the stream stored it.</param>
/// <param name="Headers">Its headers, when it had any (direct gets add <c>Nats-Stream</c>, <c>Nats-Subject</c>, <c>Nats-Sequence</c>, <c>Nats-Time-Stamp</c>).</param>
/// <param name="Data">Its payload.</param>
public sealed record StreamMessage(string Stream, string Subject, ulong Sequence, DateTimeOffset Time, NatsHeaders? Headers, ReadOnlyMemory<byte> Data);
