using ArgoEvents.ServiceDefaults.EventBus;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.EventSources.Runtime;
using Microsoft.Extensions.Logging;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.EventSources.Sources.Nats;

/// <summary>
/// The <c>nats</c> type: <c>url</c>, <c>subject</c>, <c>queue</c>, <c>jsonBody</c>, <c>auth</c> (basic or token;
/// NKey and credentials files are refused), <c>tls</c> (TLS with the system's trust store, or
/// <c>insecureSkipVerify</c>; a pinned CA or a client certificate is refused), <c>connectionBackoff</c> and
/// <c>metadata</c>.
/// </summary>
public sealed class NatsSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Nats;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (NatsEventSource)source.Source;
        var field = $"spec.nats.{source.Name}";

        var subject = spec.Subject ?? throw new InvalidOperationException($"{field}.subject is required.");
        Check(() => NatsSubject.EnsureValid(subject), $"{field}.subject");
        if (spec.Queue is { } queue)
        {
            Check(() => NatsSubject.EnsureValidQueueGroup(queue), $"{field}.queue");
        }

        var connection = NatsClientSecurity.Apply(new NatsOptions
        {
            Name = $"argo-events-{context.EventSourceName}-{source.Name}",
            LoggerFactory = context.LoggerFactory,
        }, spec.Tls, spec.Auth, context.Secrets, field);
        try
        {
            connection = NatsConnectionString.Parse(spec.Url ?? string.Empty, connection);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{field}.url: {e.Message}", e);
        }

        var options = new NatsSourceOptions
        {
            EventSourceName = context.EventSourceName,
            EventName = source.Name,
            Connection = connection,
            Subject = subject,
            Queue = spec.Queue,
            JsonBody = spec.JsonBody,
            Backoff = ConnectionBackoff.From(spec.ConnectionBackoff),
            Metadata = spec.Metadata,
        };
        return SourceParts.FromActive(new NatsSource(options, context.Dispatcher, context.Metrics, context.Time, context.LoggerFactory.CreateLogger<NatsSource>()));
    }

    private static void Check(Action validate, string field)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{field}: {e.Message}", e);
        }
    }
}
