using System.Buffers;

namespace ArgoEvents.EventBus.Nats;

/// <summary>Receives the operations the parser reads off the wire; called from the single read loop.</summary>
internal interface IProtocolHandler
{
    /// <summary>A MSG or HMSG; <paramref name="headers"/> is empty for MSG. The slices are valid only during the call.</summary>
    void OnMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, in ReadOnlySequence<byte> headers, in ReadOnlySequence<byte> payload);

    void OnPing();

    void OnPong();

    void OnInfo(ReadOnlySpan<byte> json);

    void OnError(string message);
}
