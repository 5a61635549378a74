using System.Globalization;
using System.Text.Json;
using ArgoEvents.EventBus.JetStream.Api;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

public sealed partial class JetStreamContext
{
    private const int StatusNotFound = 404;

    /// <summary>Reads the message at a sequence from the stream leader (consistent with every acknowledged write).</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="sequence">The stream sequence.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message, or null when there is none at that sequence.</returns>
    public Task<StreamMessage?> GetMessageAsync(string stream, ulong sequence, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sequence);
        return MsgGetAsync(stream, new MsgGetRequest { Sequence = sequence }, cancellationToken);
    }

    /// <summary>Reads the newest message on a subject from the stream leader (consistent with every acknowledged write).</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message, or null when the subject has none.</returns>
    public Task<StreamMessage?> GetLastMessageAsync(string stream, string subject, CancellationToken cancellationToken = default)
    {
        NatsSubject.EnsureValid(subject);
        return MsgGetAsync(stream, new MsgGetRequest { LastBySubject = subject }, cancellationToken);
    }

    /// <summary>
    /// Reads the message at a sequence from any replica (<c>allow_direct</c> streams). Faster and spread over the
    /// cluster, but a follower may not yet have the newest writes.
    /// </summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="sequence">The stream sequence.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message, or null when there is none at that sequence.</returns>
    /// <exception cref="NatsNoRespondersException">The stream does not exist or does not allow direct gets.</exception>
    public Task<StreamMessage?> DirectGetMessageAsync(string stream, ulong sequence, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        ArgumentOutOfRangeException.ThrowIfZero(sequence);
        var body = JsonSerializer.SerializeToUtf8Bytes(new MsgGetRequest { Sequence = sequence }, JetStreamJsonContext.Default.MsgGetRequest);
        return DirectGetAsync(stream, _api.Subject("DIRECT.GET." + stream), body, cancellationToken);
    }

    /// <summary>Reads the newest message on a subject from any replica (<c>allow_direct</c> streams); see <see cref="DirectGetMessageAsync"/>.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="subject">The subject (no wildcards).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message, or null when the subject has none.</returns>
    /// <exception cref="NatsNoRespondersException">The stream does not exist or does not allow direct gets.</exception>
    public Task<StreamMessage?> DirectGetLastMessageAsync(string stream, string subject, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        NatsSubject.EnsureValid(subject);
        return DirectGetAsync(stream, string.Concat(_api.Prefix, ".DIRECT.GET.", stream, ".", subject), ReadOnlyMemory<byte>.Empty, cancellationToken);
    }

    /// <summary>Deletes one message from a stream.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="sequence">The message's sequence.</param>
    /// <param name="erase">Overwrite the stored bytes rather than just marking the message deleted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when the server confirmed the deletion.</returns>
    public async Task<bool> DeleteMessageAsync(string stream, ulong sequence, bool erase = false, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        ArgumentOutOfRangeException.ThrowIfZero(sequence);
        var reply = await _api.RequestAsync(
            _api.Subject("STREAM.MSG.DELETE." + stream),
            new MsgDeleteRequest { Sequence = sequence, NoErase = !erase },
            JetStreamJsonContext.Default.MsgDeleteRequest,
            JetStreamJsonContext.Default.SuccessResponse,
            cancellationToken).ConfigureAwait(false);
        return reply.Success;
    }

    private async Task<StreamMessage?> MsgGetAsync(string stream, MsgGetRequest request, CancellationToken cancellationToken)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        try
        {
            var reply = await _api.RequestAsync(_api.Subject("STREAM.MSG.GET." + stream), request, JetStreamJsonContext.Default.MsgGetRequest, JetStreamJsonContext.Default.MsgGetResponse, cancellationToken).ConfigureAwait(false);
            var stored = reply.Message ?? throw new JetStreamException($"The reply to STREAM.MSG.GET on '{stream}' has no message.");
            var headers = stored.Headers is { Length: > 0 } block ? HeaderWireFormat.Parse(block) : null;
            return new StreamMessage(stream, stored.Subject, stored.Sequence, stored.Time, headers, stored.Data ?? ReadOnlyMemory<byte>.Empty);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.NoMessageFound)
        {
            return null;
        }
    }

    private async Task<StreamMessage?> DirectGetAsync(string stream, string subject, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var reply = await Connection.RequestAsync(subject, body, null, _api.RequestTimeout, cancellationToken).ConfigureAwait(false);
        if (reply.Status == StatusNotFound)
        {
            return null;
        }

        if (reply.Status != 0)
        {
            throw new JetStreamException($"Direct get '{subject}' failed: {reply.Status} {reply.StatusDescription}.");
        }

        var headers = reply.Headers ?? throw new JetStreamException($"The reply to direct get '{subject}' has no headers; expected Nats-Subject and Nats-Sequence.");
        if (!headers.TryGetValue("Nats-Subject", out var storedSubject)
            || !headers.TryGetValue("Nats-Sequence", out var sequenceText)
            || !ulong.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new JetStreamException($"The reply to direct get '{subject}' lacks a valid Nats-Subject or Nats-Sequence header.");
        }

        var time = headers.TryGetValue("Nats-Time-Stamp", out var stamp) && Rfc3339.TryParse(stamp, out var parsed) ? parsed : default;
        return new StreamMessage(stream, storedSubject, sequence, time, headers, reply.Data);
    }
}
