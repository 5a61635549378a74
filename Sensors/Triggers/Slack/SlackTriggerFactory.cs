using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers.Http;

namespace ArgoEvents.Sensors.Triggers.Slack;

/// <summary>
/// Creates <c>slack</c> triggers: reads the bot token, checks the message when no parameter can change it, and gives
/// every trigger of the process the same record of message threads.
/// </summary>
internal sealed class SlackTriggerFactory : ITriggerFactory
{
    /// <summary>Slack's Web API.</summary>
    public static readonly Uri DefaultSlackApiBaseAddress = new("https://slack.com/api/");

    private readonly SlackThreads _threads = new();

    /// <summary>The Web API base address (tests point it at a server of their own).</summary>
    public Uri SlackApiBaseAddress { get; init; } = DefaultSlackApiBaseAddress;

    /// <summary>The longest <c>Retry-After</c> a rate-limited call waits before it fails instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of one Web API call.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public TriggerType Type => TriggerType.Slack;

    /// <inheritdoc />
    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentException.ThrowIfNullOrEmpty(fieldPath);
        ArgumentNullException.ThrowIfNull(services);
        var slackPath = fieldPath + ".template.slack";
        var spec = trigger.Template?.Slack ?? throw new TriggerConfigurationException($"{slackPath} is required for a slack trigger.");
        if (spec.SlackToken is null)
        {
            throw new TriggerConfigurationException($"{slackPath}.slackToken is required.");
        }

        var token = TriggerSecrets.ReadRequired(services, spec.SlackToken, slackPath + ".slackToken");
        if (trigger.Parameters.Count == 0 && spec.Parameters.Count == 0)
        {
            using var message = SlackMessage.TryRead(spec, slackPath, out var problem)
                ?? throw new TriggerConfigurationException(problem!);
        }

        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = RequestTimeout };
        var api = new SlackApiClient(http, SlackApiBaseAddress, token, MaxRetryAfter, services.Time);
        return new SlackTrigger(api, _threads, slackPath);
    }
}
