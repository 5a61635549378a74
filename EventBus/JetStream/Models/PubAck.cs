namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>The server's acknowledgement that a published message is stored.</summary>
/// <param name="Stream">The stream that stored the message.</param>
/// <param name="Sequence">The message's stream sequence (the original one for a duplicate).</param>
/// <param name="Duplicate">True when the <c>Nats-Msg-Id</c> was seen inside the duplicate window and nothing was stored.</param>
/// <param name="Domain">The JetStream domain, when one is set.</param>
public sealed record PubAck(string Stream, ulong Sequence, bool Duplicate, string? Domain);
