using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Redis;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.RedisStream;

/// <summary>
/// The <c>redisStream</c> type: <c>hostAddress</c>, <c>password</c>, <c>username</c>, <c>db</c>, <c>streams</c>,
/// <c>consumerGroup</c> (default <c>argo-events-cg</c>), <c>maxMsgCountPerRead</c> (default 10), <c>tls</c> and
/// <c>metadata</c>. The service setting <c>EventSource:RedisStream:ClaimMinIdle</c> (Go duration, default 1m) sets
/// how long an entry must be pending on another consumer before it is claimed.
/// </summary>
public sealed class RedisStreamSourceFactory : ISourceFactory
{
    /// <summary>The setting naming the minimum idle time of an entry claimed from another consumer.</summary>
    public const string ClaimMinIdleKey = "EventSource:RedisStream:ClaimMinIdle";

    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.RedisStream;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (RedisStreamEventSource)source.Source;
        var field = $"spec.redisStream.{source.Name}";

        if (spec.Streams.Count == 0)
        {
            throw new InvalidOperationException($"{field}.streams must name at least one stream.");
        }

        for (var i = 0; i < spec.Streams.Count; i++)
        {
            if (string.IsNullOrEmpty(spec.Streams[i]))
            {
                throw new InvalidOperationException($"{field}.streams[{i}] is empty.");
            }

            if (spec.Streams.Take(i).Contains(spec.Streams[i], StringComparer.Ordinal))
            {
                throw new InvalidOperationException($"{field}.streams[{i}]: '{spec.Streams[i]}' is listed twice.");
            }
        }

        if (spec.MaxMsgCountPerRead is < 0)
        {
            throw new InvalidOperationException($"{field}.maxMsgCountPerRead: {spec.MaxMsgCountPerRead} is negative.");
        }

        var claimMinIdle = TimeSpan.FromMinutes(1);
        var text = context.Configuration[ClaimMinIdleKey];
        if (!string.IsNullOrEmpty(text) && (!ArgoEvents.ServiceDefaults.Configuration.GoDuration.TryParse(text, out claimMinIdle) || claimMinIdle < TimeSpan.Zero))
        {
            throw new InvalidOperationException($"{ClaimMinIdleKey}: '{text}' is not a non-negative duration such as 30s or 1m.");
        }

        var connection = RedisClientSettings.Create(
            spec.HostAddress, spec.Password, spec.Username, spec.Db, spec.Tls, context.Secrets, field,
            RedisClientSettings.ClientName(context.EventSourceName, source.Name));
        var options = new RedisStreamSourceOptions
        {
            EventSourceName = context.EventSourceName,
            EventName = source.Name,
            Connection = connection,
            Streams = spec.Streams,
            ConsumerGroup = string.IsNullOrEmpty(spec.ConsumerGroup) ? RedisStreamSourceOptions.DefaultConsumerGroup : spec.ConsumerGroup,
            Count = spec.MaxMsgCountPerRead is > 0 and var count ? count : RedisStreamSourceOptions.DefaultCount,
            ClaimMinIdle = claimMinIdle,
            Metadata = spec.Metadata,
        };
        return SourceParts.FromActive(new RedisStreamSource(options, context.Dispatcher, context.Metrics, context.Time, context.LoggerFactory.CreateLogger<RedisStreamSource>()));
    }
}
