using System.Runtime.CompilerServices;
using System.Text.Json;
using ArgoEvents.EventBus.JetStream.Api;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>A pull consumer: fetch a batch at a time, or consume continuously with buffered pulls.</summary>
public sealed class PullConsumer
{
    // The server answers a pull at its expiry; allow this much more before the client stops waiting on its own.
    private static readonly TimeSpan ClientGrace = TimeSpan.FromSeconds(1);

    private readonly JetStreamContext _context;

    internal PullConsumer(JetStreamContext context, string stream, string name)
    {
        _context = context;
        Stream = stream;
        Name = name;
        NextSubject = context.Api.Subject(string.Concat("CONSUMER.MSG.NEXT.", stream, ".", name));
    }

    /// <summary>The stream.</summary>
    public string Stream { get; }

    /// <summary>The consumer name.</summary>
    public string Name { get; }

    internal string NextSubject { get; }

    internal JetStreamContext Context => _context;

    /// <summary>Reads the consumer's configuration and progress.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The consumer information.</returns>
    public Task<ConsumerInfo> GetInfoAsync(CancellationToken cancellationToken = default) => _context.GetConsumerInfoAsync(Stream, Name, cancellationToken);

    /// <summary>
    /// Sends one pull request and returns when it is filled, when the server ends it (expiry, no messages with
    /// <see cref="FetchOptions.NoWait"/>, leadership change), or shortly after its expiry if the server never answers.
    /// </summary>
    /// <param name="options">Batch size, expiry, heartbeat.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The messages received, possibly none; each still needs its acknowledgement.</returns>
    /// <exception cref="JetStreamException">The consumer is gone or push based, or the server refused the request.</exception>
    public async Task<IReadOnlyList<JsMsg>> FetchAsync(FetchOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FetchOptions();
        options.Validate();
        var connection = _context.Connection;
        var inbox = connection.NewInbox();
        var subscription = await connection.SubscribeAsync(inbox, null, options.MaxMessages + 16, cancellationToken).ConfigureAwait(false);
        await using (subscription.ConfigureAwait(false))
        {
            var request = new PullRequest
            {
                Batch = options.MaxMessages,
                Expires = options.NoWait ? TimeSpan.Zero : options.Expires,
                NoWait = options.NoWait,
                IdleHeartbeat = options.IdleHeartbeat ?? TimeSpan.Zero,
            };
            await connection.PublishAsync(NextSubject, JsonSerializer.SerializeToUtf8Bytes(request, JetStreamJsonContext.Default.PullRequest), null, inbox, cancellationToken).ConfigureAwait(false);

            var messages = new List<JsMsg>(Math.Min(options.MaxMessages, 1024));
            var answered = false;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter((options.NoWait ? _context.Api.RequestTimeout : options.Expires) + ClientGrace);
            try
            {
                while (messages.Count < options.MaxMessages)
                {
                    var msg = await subscription.Msgs.ReadAsync(deadline.Token).ConfigureAwait(false);
                    answered = true;
                    switch (msg.Status)
                    {
                        case 0:
                            messages.Add(new JsMsg(msg));
                            continue;
                        case PullTerminator.Heartbeat:
                            continue;
                        case PullTerminator.NoMessages:
                        case PullTerminator.RequestTimeout:
                            return messages;
                        case PullTerminator.Conflict when !PullTerminator.IsFatalConflict(msg):
                            return messages;
                        case PullTerminator.NoResponders:
                            throw new JetStreamException($"Nobody answered the pull on '{NextSubject}' (503): the stream '{Stream}' has no leader or does not exist.");
                        default:
                            throw new JetStreamException($"The pull on consumer '{Name}' of stream '{Stream}' ended with {PullTerminator.Describe(msg)}.");
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The server never ended the request: it was lost on a reconnect, or nobody serves this consumer.
                if (!answered)
                {
                    await EnsureConsumerExistsAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                // The connection closed; return what arrived.
            }

            return messages;
        }
    }

    /// <summary>
    /// Consumes continuously: keeps up to <see cref="ConsumeOptions.MaxMessages"/> requested, pulls more when half
    /// were handed out, re-pulls after two missed heartbeats or a reconnect, and ends only when cancelled, when the
    /// connection closes, or with an exception when the consumer is deleted.
    /// </summary>
    /// <param name="options">Buffer size, expiry, heartbeat.</param>
    /// <param name="cancellationToken">Stops consuming.</param>
    /// <returns>The messages, in delivery order; each needs its acknowledgement.</returns>
    /// <exception cref="JetStreamException">The consumer was deleted or is push based (409), or the server refused the pull (400).</exception>
    public async IAsyncEnumerable<JsMsg> ConsumeAsync(ConsumeOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new ConsumeOptions();
        options.Validate();
        var session = await PullConsumeSession.StartAsync(this, options, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            while (await session.NextAsync(cancellationToken).ConfigureAwait(false) is { } msg)
            {
                yield return msg;
            }
        }
    }

    private async Task EnsureConsumerExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GetInfoAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (JetStreamApiException e) when (e.ErrorCode is JetStreamErrorCode.ConsumerNotFound or JetStreamErrorCode.StreamNotFound)
        {
            throw new JetStreamException($"The pull got no answer because consumer '{Name}' of stream '{Stream}' does not exist: {e.Description}.", e);
        }
    }
}
