using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Request/reply to the JetStream API: subject building, JSON in and out, error mapping.</summary>
internal sealed class JetStreamApi
{
    public JetStreamApi(NatsConnection connection, JetStreamOptions options)
    {
        Connection = connection;
        Options = options;
        Prefix = options.ResolveApiPrefix();
    }

    public NatsConnection Connection { get; }

    public JetStreamOptions Options { get; }

    /// <summary>The API prefix without a trailing dot, e.g. <c>$JS.API</c>.</summary>
    public string Prefix { get; }

    public TimeSpan RequestTimeout => Options.RequestTimeout ?? Connection.Options.RequestTimeout;

    public string Subject(string suffix) => string.Concat(Prefix, ".", suffix);

    public Task<TResponse> RequestAsync<TRequest, TResponse>(string subject, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
        => RequestAsync(subject, JsonSerializer.SerializeToUtf8Bytes(request, requestInfo), responseInfo, cancellationToken);

    public async Task<TResponse> RequestAsync<TResponse>(string subject, ReadOnlyMemory<byte> body, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(subject, body, cancellationToken).ConfigureAwait(false);
        return ApiResponseReader.Read(reply.Data.Span, responseInfo, subject);
    }

    public async Task<NatsMsg> SendAsync(string subject, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            return await Connection.RequestAsync(subject, body, null, RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsNoRespondersException e)
        {
            throw new JetStreamException(
                $"Nobody answered the JetStream request '{subject}' (503 no responders): JetStream is not enabled for this account, " +
                $"the API prefix '{Prefix}' is wrong, or the asset has no leader right now.",
                e);
        }
    }
}
