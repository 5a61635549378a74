using System.Runtime.CompilerServices;
using ArgoEvents.EventBus.JetStream.Api;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

public sealed partial class JetStreamContext
{
    /// <summary>
    /// Creates a consumer, or updates it when it exists, through <c>CONSUMER.CREATE.&lt;stream&gt;.&lt;name&gt;[.&lt;filter&gt;]</c>.
    /// The name is <see cref="ConsumerConfig.Name"/> or else <see cref="ConsumerConfig.DurableName"/>; without either the
    /// server makes an ephemeral consumer with a generated name.
    /// </summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="config">The consumer configuration.</param>
    /// <param name="action">Create-only or update-only need nats-server 2.10; the default works everywhere.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The consumer as the server now has it.</returns>
    public Task<ConsumerInfo> CreateOrUpdateConsumerAsync(string stream, ConsumerConfig config, ConsumerCreateAction action = ConsumerCreateAction.CreateOrUpdate, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        ArgumentNullException.ThrowIfNull(config);
        JetStreamConfigGate.EnsureSupported(config, ServerVersion);
        if (action != ConsumerCreateAction.CreateOrUpdate)
        {
            EnsureSupported(JetStreamFeature.ConsumerCreateAction);
        }

        if (config.Name is not null && config.DurableName is not null && config.Name != config.DurableName)
        {
            throw new ArgumentException($"ConsumerConfig.Name '{config.Name}' and DurableName '{config.DurableName}' differ; the server requires them to be equal.", nameof(config));
        }

        var name = config.Name ?? config.DurableName;
        string subject;
        if (name is null)
        {
            subject = _api.Subject("CONSUMER.CREATE." + stream);
        }
        else
        {
            JetStreamNames.EnsureValidConsumerName(name, nameof(config));

            // The filter suffix lets accounts scope permissions per filter; a wildcard cannot ride in a publish subject.
            subject = config.FilterSubject is { } filter && !NatsSubject.HasWildcard(filter)
                ? _api.Subject(string.Concat("CONSUMER.CREATE.", stream, ".", name, ".", filter))
                : _api.Subject(string.Concat("CONSUMER.CREATE.", stream, ".", name));
        }

        var request = new ConsumerCreateRequest
        {
            StreamName = stream,
            Config = config,
            Action = action switch
            {
                ConsumerCreateAction.Create => "create",
                ConsumerCreateAction.Update => "update",
                _ => null,
            },
        };
        return _api.RequestAsync(subject, request, JetStreamJsonContext.Default.ConsumerCreateRequest, JetStreamJsonContext.Default.ConsumerInfo, cancellationToken);
    }

    /// <summary>Reads a consumer's configuration and progress.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="consumer">The consumer name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The consumer information.</returns>
    /// <exception cref="JetStreamApiException">The consumer does not exist (<see cref="JetStreamErrorCode.ConsumerNotFound"/>).</exception>
    public Task<ConsumerInfo> GetConsumerInfoAsync(string stream, string consumer, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        JetStreamNames.EnsureValidConsumerName(consumer);
        return _api.RequestAsync(_api.Subject(string.Concat("CONSUMER.INFO.", stream, ".", consumer)), ReadOnlyMemory<byte>.Empty, JetStreamJsonContext.Default.ConsumerInfo, cancellationToken);
    }

    /// <summary>Deletes a consumer.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="consumer">The consumer name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when the server confirmed the deletion.</returns>
    /// <exception cref="JetStreamApiException">The consumer does not exist (<see cref="JetStreamErrorCode.ConsumerNotFound"/>).</exception>
    public async Task<bool> DeleteConsumerAsync(string stream, string consumer, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        JetStreamNames.EnsureValidConsumerName(consumer);
        var reply = await _api.RequestAsync(_api.Subject(string.Concat("CONSUMER.DELETE.", stream, ".", consumer)), ReadOnlyMemory<byte>.Empty, JetStreamJsonContext.Default.SuccessResponse, cancellationToken).ConfigureAwait(false);
        return reply.Success;
    }

    /// <summary>Lists the names of a stream's consumers, page by page.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The consumer names.</returns>
    public async IAsyncEnumerable<string> GetConsumerNamesAsync(string stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        var subject = _api.Subject("CONSUMER.NAMES." + stream);
        var offset = 0;
        while (true)
        {
            var page = await _api.RequestAsync(subject, new PagedRequest { Offset = offset }, JetStreamJsonContext.Default.PagedRequest, JetStreamJsonContext.Default.ConsumerNamesResponse, cancellationToken).ConfigureAwait(false);
            var names = page.Consumers ?? [];
            foreach (var name in names)
            {
                yield return name;
            }

            offset += names.Count;
            if (names.Count == 0 || offset >= page.Total)
            {
                yield break;
            }
        }
    }

    /// <summary>Lists a stream's consumers with their configuration and progress, page by page.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The consumers.</returns>
    public async IAsyncEnumerable<ConsumerInfo> ListConsumersAsync(string stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        var subject = _api.Subject("CONSUMER.LIST." + stream);
        var offset = 0;
        while (true)
        {
            var page = await _api.RequestAsync(subject, new PagedRequest { Offset = offset }, JetStreamJsonContext.Default.PagedRequest, JetStreamJsonContext.Default.ConsumerListResponse, cancellationToken).ConfigureAwait(false);
            var consumers = page.Consumers ?? [];
            foreach (var consumer in consumers)
            {
                yield return consumer;
            }

            offset += consumers.Count;
            if (consumers.Count == 0 || offset >= page.Total)
            {
                yield break;
            }
        }
    }

    /// <summary>A handle on an existing pull consumer, for fetching and consuming; makes no request.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="consumer">The consumer name.</param>
    /// <returns>The pull consumer.</returns>
    public PullConsumer GetPullConsumer(string stream, string consumer)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        JetStreamNames.EnsureValidConsumerName(consumer);
        return new PullConsumer(this, stream, consumer);
    }

    /// <summary>
    /// Starts an ordered consumer: an ephemeral push consumer the client recreates from the last stream sequence
    /// it saw whenever a gap, a stall or a reconnect could have lost messages, so that it delivers every message
    /// in stream order exactly once.
    /// </summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="options">Filter, start position and heartbeat.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The running ordered consumer; dispose it to stop.</returns>
    public Task<OrderedConsumer> CreateOrderedConsumerAsync(string stream, OrderedConsumerOptions? options = null, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        return OrderedConsumer.StartAsync(this, stream, options ?? new OrderedConsumerOptions(), cancellationToken);
    }
}
