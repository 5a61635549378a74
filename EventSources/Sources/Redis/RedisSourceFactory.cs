using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Redis;

/// <summary>
/// The <c>redis</c> type: <c>hostAddress</c>, <c>password</c> (which, as in Argo's validation, needs
/// <c>namespace</c>), <c>username</c>, <c>db</c>, <c>channels</c> (subscribed by name with SUBSCRIBE, as Argo does:
/// glob characters are not patterns), <c>tls</c>, <c>jsonBody</c> and <c>metadata</c>.
/// </summary>
public sealed class RedisSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Redis;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (RedisEventSource)source.Source;
        var field = $"spec.redis.{source.Name}";

        if (spec.Channels.Count == 0)
        {
            throw new InvalidOperationException($"{field}.channels must name at least one channel.");
        }

        for (var i = 0; i < spec.Channels.Count; i++)
        {
            if (string.IsNullOrEmpty(spec.Channels[i]))
            {
                throw new InvalidOperationException($"{field}.channels[{i}] is empty.");
            }
        }

        if (spec.Password is not null && string.IsNullOrEmpty(spec.Namespace))
        {
            throw new InvalidOperationException($"{field}.namespace must be set when password is (Argo's validation: the namespace of the password Secret).");
        }

        var connection = RedisClientSettings.Create(
            spec.HostAddress, spec.Password, spec.Username, spec.Db, spec.Tls, context.Secrets, field,
            RedisClientSettings.ClientName(context.EventSourceName, source.Name));
        var options = new RedisSourceOptions
        {
            EventSourceName = context.EventSourceName,
            EventName = source.Name,
            Connection = connection,
            Channels = spec.Channels,
            JsonBody = spec.JsonBody,
            Metadata = spec.Metadata,
        };
        return SourceParts.FromActive(new RedisSource(options, context.Dispatcher, context.Metrics, context.Time, context.LoggerFactory.CreateLogger<RedisSource>()));
    }
}
