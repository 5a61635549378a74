using System.Globalization;
using System.Text;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// A message delivered by a JetStream consumer, with the acknowledgements the server understands. Its reply
/// subject is the ack subject, whose tokens carry the <see cref="Metadata"/>.
/// </summary>
public sealed class JsMsg
{
    private static readonly ReadOnlyMemory<byte> AckBody = "+ACK"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> NakBody = "-NAK"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> InProgressBody = "+WPI"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> TermBody = "+TERM"u8.ToArray();

    private readonly NatsMsg _msg;
    private AckMetadata? _metadata;

    internal JsMsg(NatsMsg msg)
    {
        _msg = msg;
    }

    /// <summary>The subject the message was published to.</summary>
    public string Subject => _msg.Subject;

    /// <summary>The payload.</summary>
    public ReadOnlyMemory<byte> Data => _msg.Data;

    /// <summary>The headers, when the message had any.</summary>
    public NatsHeaders? Headers => _msg.Headers;

    /// <summary>The ack subject; null when the message was not delivered by a consumer.</summary>
    public string? ReplyTo => _msg.ReplyTo;

    /// <summary>The underlying NATS message.</summary>
    public NatsMsg Msg => _msg;

    /// <summary>Stream, consumer, sequences, delivery count, time and pending count, from the ack subject.</summary>
    /// <exception cref="FormatException">The reply subject is not a JetStream ack subject.</exception>
    public AckMetadata Metadata => _metadata ??= AckMetadata.Parse(ReplyTo ?? throw new FormatException($"The message on '{Subject}' has no reply subject, so it carries no JetStream metadata."));

    /// <summary>Acknowledges the message: it will not be delivered again.</summary>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes once the ack is queued for the server.</returns>
    public ValueTask AckAsync(CancellationToken cancellationToken = default) => SendAsync(AckBody, cancellationToken);

    /// <summary>
    /// Acknowledges the message and waits until the server confirms it recorded the ack (double ack), so that a
    /// redelivery after this returns cannot happen.
    /// </summary>
    /// <param name="timeout">How long to wait for the confirmation; the connection's request timeout when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    /// <exception cref="NatsTimeoutException">The server did not confirm in time; the ack may or may not be recorded.</exception>
    public async Task AckSyncAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var (connection, ackSubject) = Target();
        await connection.RequestAsync(ackSubject, AckBody, null, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Negatively acknowledges the message: redeliver it now, or after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long the server waits before redelivering; at once when null.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes once the nak is queued for the server.</returns>
    public ValueTask NakAsync(TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        if (delay is not { } wait)
        {
            return SendAsync(NakBody, cancellationToken);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(delay));
        var nanoseconds = Api.NanosecondDurationConverter.ToNanoseconds(wait);
        return SendAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"-NAK {{\"delay\":{nanoseconds}}}")), cancellationToken);
    }

    /// <summary>Tells the server the message is still being worked on, restarting its ack wait.</summary>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes once the signal is queued for the server.</returns>
    public ValueTask InProgressAsync(CancellationToken cancellationToken = default) => SendAsync(InProgressBody, cancellationToken);

    /// <summary>Stops redelivery of the message for good, without processing it.</summary>
    /// <param name="reason">Why; needs nats-server 2.10.4 or newer.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes once the term is queued for the server.</returns>
    /// <exception cref="JetStreamFeatureNotSupportedException">A reason was given and the server is older than 2.10.4.</exception>
    public ValueTask TermAsync(string? reason = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return SendAsync(TermBody, cancellationToken);
        }

        JetStreamFeatures.EnsureSupported(_msg.Connection?.ServerInfo?.ServerVersion, JetStreamFeature.TerminateWithReason);
        return SendAsync(Encoding.UTF8.GetBytes("+TERM " + reason), cancellationToken);
    }

    private ValueTask SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var (connection, ackSubject) = Target();
        return connection.PublishAsync(ackSubject, body, null, null, cancellationToken);
    }

    private (NatsConnection Connection, string AckSubject) Target()
    {
        if (ReplyTo is null)
        {
            throw new InvalidOperationException($"The message on '{Subject}' has no ack subject; it was not delivered by a JetStream consumer.");
        }

        var connection = _msg.Connection ?? throw new InvalidOperationException($"The message on '{Subject}' is not bound to a connection.");
        return (connection, ReplyTo);
    }
}
