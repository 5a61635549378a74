using System.Globalization;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

public sealed partial class JetStreamContext
{
    private readonly PubAckReader _pubAcks = new();

    /// <summary>
    /// Publishes a message and waits until a stream stored it. A 503 (no stream leader yet) is retried after
    /// <see cref="JetStreamOptions.PublishRetryWait"/>; a timeout is retried only when the message has a
    /// <c>Nats-Msg-Id</c>, because the stream's de-duplication then makes the retry harmless.
    /// </summary>
    /// <param name="subject">The subject; some stream must capture it.</param>
    /// <param name="data">The payload.</param>
    /// <param name="options">Message id and expected-state conditions.</param>
    /// <param name="headers">Extra headers; not modified.</param>
    /// <param name="cancellationToken">Cancels the publish and its retries.</param>
    /// <returns>The acknowledgement.</returns>
    /// <exception cref="JetStreamApiException">The stream refused the message, e.g. a failed expected-* condition.</exception>
    /// <exception cref="JetStreamException">No stream acknowledged the message within the attempts.</exception>
    public Task<PubAck> PublishAsync(string subject, ReadOnlyMemory<byte> data, JetStreamPublishOptions? options = null, NatsHeaders? headers = null, CancellationToken cancellationToken = default)
    {
        NatsSubject.EnsureValid(subject);
        var wire = BuildPublishHeaders(headers, options);
        return PublishWithRetryAsync(subject, data, wire, IsIdempotent(wire), null, cancellationToken);
    }

    /// <summary>Creates a publisher that keeps up to <paramref name="window"/> publishes awaiting their acknowledgement.</summary>
    /// <param name="window">Most acknowledgements outstanding at once.</param>
    /// <returns>The publisher.</returns>
    public JetStreamAsyncPublisher CreateAsyncPublisher(int window = JetStreamAsyncPublisher.DefaultWindow) => new(this, window);

    internal NatsHeaders? BuildPublishHeaders(NatsHeaders? headers, JetStreamPublishOptions? options)
    {
        if (options is null)
        {
            return headers;
        }

        var wire = new NatsHeaders((headers?.Count ?? 0) + 2);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                wire.Add(name, value);
            }
        }

        if (options.MsgId is not null)
        {
            wire.Set(JetStreamHeaders.MsgId, options.MsgId);
        }

        if (options.ExpectedStream is not null)
        {
            wire.Set(JetStreamHeaders.ExpectedStream, options.ExpectedStream);
        }

        if (options.ExpectedLastSequence is { } lastSequence)
        {
            wire.Set(JetStreamHeaders.ExpectedLastSequence, lastSequence.ToString(CultureInfo.InvariantCulture));
        }

        if (options.ExpectedLastSubjectSequence is { } lastSubjectSequence)
        {
            wire.Set(JetStreamHeaders.ExpectedLastSubjectSequence, lastSubjectSequence.ToString(CultureInfo.InvariantCulture));
        }

        if (options.ExpectedLastMsgId is not null)
        {
            wire.Set(JetStreamHeaders.ExpectedLastMsgId, options.ExpectedLastMsgId);
        }

        if (options.Ttl is { } ttl)
        {
            EnsureSupported(JetStreamFeature.PerMessageTtl);
            wire.Set(JetStreamHeaders.Ttl, ((long)Math.Ceiling(ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s");
        }

        return wire.Count == 0 && wire.Status == 0 ? headers : wire;
    }

    internal static bool IsIdempotent(NatsHeaders? headers) => headers is not null && headers.ContainsKey(JetStreamHeaders.MsgId);

    /// <summary>
    /// The publish loop shared with <see cref="JetStreamAsyncPublisher"/>, which passes its window so that the slot is
    /// released here and no extra state machine runs per message.
    /// </summary>
    internal async Task<PubAck> PublishWithRetryAsync(string subject, ReadOnlyMemory<byte> data, NatsHeaders? headers, bool idempotent, SemaphoreSlim? window, CancellationToken cancellationToken)
    {
        try
        {
            var timeout = Options.PublishAttemptTimeout ?? Connection.Options.RequestTimeout;
            for (var attempt = 0; ; attempt++)
            {
                Exception failure;
                try
                {
                    var reply = await Connection.RequestAsync(subject, data, headers, timeout, cancellationToken).ConfigureAwait(false);
                    return _pubAcks.Read(reply, subject);
                }
                catch (NatsNoRespondersException e)
                {
                    failure = e;
                }
                catch (NatsTimeoutException e) when (idempotent)
                {
                    failure = e;
                }
                catch (JetStreamApiException e) when (e.Code == 503)
                {
                    failure = e;
                }

                if (attempt >= Options.PublishRetryAttempts)
                {
                    throw PublishFailed(subject, attempt + 1, failure);
                }

                // A timeout already waited; a 503 comes back at once, so pause while the stream elects a leader.
                if (failure is not NatsTimeoutException)
                {
                    await Task.Delay(Options.PublishRetryWait, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            window?.Release();
        }
    }

    private static Exception PublishFailed(string subject, int attempts, Exception failure) => failure switch
    {
        NatsNoRespondersException => new JetStreamException(
            $"No stream acknowledged the publish to '{subject}' after {attempts} attempt(s) (503 no responders): no stream captures the subject, or its stream has no leader.",
            failure),
        NatsTimeoutException => new JetStreamException(
            $"The publish to '{subject}' was not acknowledged after {attempts} attempt(s): {failure.Message}",
            failure),
        _ => failure,
    };
}
