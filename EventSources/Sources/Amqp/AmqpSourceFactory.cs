using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Nats;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>
/// The <c>amqp</c> type (RabbitMQ, AMQP 0-9-1): <c>url</c> or <c>urlSecret</c>, <c>exchangeName</c>,
/// <c>exchangeType</c>, <c>routingKey</c>, <c>exchangeDeclare</c>, <c>queueDeclare</c>, <c>queueBind</c>,
/// <c>consume</c>, <c>auth</c> (username and password from secrets), <c>tls</c>, <c>jsonBody</c>,
/// <c>connectionBackoff</c> and <c>metadata</c>. Absent sections take Argo's defaults: a durable exchange, a
/// broker-named exclusive queue, auto-ack. <c>exchangeDeclare.internal: true</c> is refused: the client library cannot
/// declare internal exchanges. <c>consume.noWait</c> only spares a round trip in Argo's client; here the consumer always
/// waits for the broker's consume-ok, with the same outcome (a refusal surfaces at once instead of later).
/// </summary>
public sealed class AmqpSourceFactory : ISourceFactory
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Amqp;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (AmqpEventSource)source.Source;
        var field = $"spec.amqp.{source.Name}";

        var url = ResolveUrl(spec, context, field);
        var routingKey = Required(spec.RoutingKey, $"{field}.routingKey", "routing key must be specified");
        var exchangeType = Required(spec.ExchangeType, $"{field}.exchangeType", "exchange type must be specified");
        if (spec.ExchangeDeclare is { Internal: true })
        {
            throw new InvalidOperationException($"{field}.exchangeDeclare.internal: declaring an internal exchange is not supported by this build (the RabbitMQ .NET client cannot send the flag); declare it beforehand and omit the flag, or set internal: false.");
        }

        var connection = ConnectionFactoryFor(url, field);
        connection.ClientProvidedName = $"argo-events-{context.EventSourceName}-{source.Name}";
        if (spec.Auth is { } auth)
        {
            connection.UserName = context.Secrets.Resolve(auth.Username, $"{field}.auth.username") ?? throw new InvalidOperationException($"{field}.auth.username is required.");
            connection.Password = context.Secrets.Resolve(auth.Password, $"{field}.auth.password") ?? throw new InvalidOperationException($"{field}.auth.password is required.");
        }

        if (spec.Tls is { } tls)
        {
            connection.Ssl = AmqpTls.Create(tls, connection.HostName, context.Secrets, field);
            if (connection.Port == AmqpTcpEndpoint.UseDefaultPort)
            {
                connection.Port = 5671;
            }
        }

        IDictionary<string, object?>? arguments;
        try
        {
            arguments = AmqpQueueArguments.Parse(spec.QueueDeclare?.Arguments);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{field}.queueDeclare.arguments: {e.Message}", e);
        }

        var exchange = spec.ExchangeDeclare ?? new AmqpExchangeDeclareConfig { Durable = true };
        var queue = spec.QueueDeclare ?? new AmqpQueueDeclareConfig { Exclusive = true };
        var consume = spec.Consume ?? new AmqpConsumeConfig { AutoAck = true };
        var options = new AmqpSourceOptions
        {
            EventSourceName = context.EventSourceName,
            EventName = source.Name,
            Connection = connection,
            DisplayUrl = DisplayUrl(connection),
            ExchangeName = spec.ExchangeName ?? string.Empty,
            ExchangeType = exchangeType,
            RoutingKey = routingKey,
            ExchangeDurable = exchange.Durable,
            ExchangeAutoDelete = exchange.AutoDelete,
            ExchangeNoWait = exchange.NoWait,
            QueueName = queue.Name ?? string.Empty,
            QueueDurable = queue.Durable,
            QueueAutoDelete = queue.AutoDelete,
            QueueExclusive = queue.Exclusive,
            QueueNoWait = queue.NoWait,
            QueueArguments = arguments,
            BindNoWait = spec.QueueBind?.NoWait ?? false,
            ConsumerTag = consume.ConsumerTag ?? string.Empty,
            AutoAck = consume.AutoAck,
            ConsumeExclusive = consume.Exclusive,
            NoLocal = consume.NoLocal,
            JsonBody = spec.JsonBody,
            Backoff = ConnectionBackoff.From(spec.ConnectionBackoff),
            Metadata = spec.Metadata,
        };
        return SourceParts.FromActive(new AmqpSource(options, context.Dispatcher, context.Metrics, context.Time, context.LoggerFactory.CreateLogger<AmqpSource>()));
    }

    private static string ResolveUrl(AmqpEventSource spec, SourceContext context, string field)
    {
        var hasUrl = !string.IsNullOrEmpty(spec.Url);
        if (hasUrl && spec.UrlSecret is not null)
        {
            throw new InvalidOperationException($"{field}: only one of url or urlSecret can be specified.");
        }

        if (hasUrl)
        {
            return spec.Url!;
        }

        if (spec.UrlSecret is null)
        {
            throw new InvalidOperationException($"{field}: either url or urlSecret must be specified.");
        }

        return context.Secrets.Resolve(spec.UrlSecret, $"{field}.urlSecret") is { Length: > 0 } secretUrl
            ? secretUrl.Trim()
            : throw new InvalidOperationException($"{field}.urlSecret: the secret is absent or empty.");
    }

    private static ConnectionFactory ConnectionFactoryFor(string url, string field)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"{field}.url: '{Redacted(url)}' is not an amqp:// or amqps:// URL.");
        }

        var factory = new ConnectionFactory
        {
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedHeartbeat = Heartbeat,
            ConsumerDispatchConcurrency = 1,
        };
        try
        {
            factory.Uri = uri;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{field}.url: {e.Message}", e);
        }

        return factory;
    }

    private static string DisplayUrl(ConnectionFactory connection)
    {
        var scheme = connection.Ssl.Enabled ? "amqps" : "amqp";
        var port = connection.Port == AmqpTcpEndpoint.UseDefaultPort ? (connection.Ssl.Enabled ? 5671 : 5672) : connection.Port;
        var vhost = connection.VirtualHost == "/" ? string.Empty : Uri.EscapeDataString(connection.VirtualHost);
        return $"{scheme}://{connection.HostName}:{port}/{vhost}";
    }

    private static string Redacted(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 && at > scheme ? string.Concat(url.AsSpan(0, scheme + 3), "***", url.AsSpan(at)) : url;
    }

    private static string Required(string? value, string field, string what)
        => string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"{field}: {what}.") : value;
}
