using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.EventSources.Runtime;
using Microsoft.Extensions.Logging;

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
        if (spec.Filter?.Expression is { Length: > 0 })
        {
            throw new InvalidOperationException($"{field}.filter.expression: EventSource filter expressions are not supported by this build yet.");
        }

        var subject = spec.Subject ?? throw new InvalidOperationException($"{field}.subject is required.");
        Check(() => NatsSubject.EnsureValid(subject), $"{field}.subject");
        if (spec.Queue is { } queue)
        {
            Check(() => NatsSubject.EnsureValidQueueGroup(queue), $"{field}.queue");
        }

        var connection = Authenticate(Secure(new NatsOptions
        {
            Name = $"argo-events-{context.EventSourceName}-{source.Name}",
            LoggerFactory = context.LoggerFactory,
        }, spec.Tls, field), spec.Auth, context.Secrets, field);
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

    private static NatsOptions Secure(NatsOptions options, TlsConfig? tls, string field)
    {
        if (tls is null)
        {
            return options;
        }

        if (tls.CaCertSecret is not null)
        {
            throw new InvalidOperationException($"{field}.tls.caCertSecret: trusting a CA from a secret is not supported by this build yet; use a server certificate the system trusts (tls.enabled: true) or tls.insecureSkipVerify: true.");
        }

        if (tls.ClientCertSecret is not null || tls.ClientKeySecret is not null)
        {
            throw new InvalidOperationException($"{field}.tls.clientCertSecret: client certificates are not supported by this build yet; authenticate with auth.basic or auth.token.");
        }

        return options with { TlsRequired = true, TlsInsecureSkipVerify = tls.InsecureSkipVerify };
    }

    private static NatsOptions Authenticate(NatsOptions options, NatsAuth? auth, SecretResolver secrets, string field)
    {
        if (auth is null)
        {
            return options;
        }

        if (auth.Basic is { } basic)
        {
            return options with
            {
                User = secrets.Resolve(basic.Username, $"{field}.auth.basic.username") ?? throw new InvalidOperationException($"{field}.auth.basic.username is required."),
                Password = secrets.Resolve(basic.Password, $"{field}.auth.basic.password") ?? throw new InvalidOperationException($"{field}.auth.basic.password is required."),
            };
        }

        if (auth.Token is not null)
        {
            return options with { Token = secrets.Resolve(auth.Token, $"{field}.auth.token") ?? throw new InvalidOperationException($"{field}.auth.token: the optional secret is absent.") };
        }

        if (auth.NKey is not null)
        {
            throw new InvalidOperationException($"{field}.auth.nkey: NKey authentication is not supported by this build yet; use auth.basic or auth.token.");
        }

        if (auth.Credential is not null)
        {
            throw new InvalidOperationException($"{field}.auth.credential: credentials files (JWT) are not supported by this build yet; use auth.basic or auth.token.");
        }

        return options;
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
