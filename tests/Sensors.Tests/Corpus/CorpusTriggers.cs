using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.Slack;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>Every trigger type the service runs, with Slack's Web API pointed at an in-test server.</summary>
internal static class CorpusTriggers
{
    public static TriggerRegistry Registry(Uri slackApiBaseAddress) =>
        SensorService.DefaultTriggers().Add(new SlackTriggerFactory { SlackApiBaseAddress = slackApiBaseAddress, MaxRetryAfter = TimeSpan.FromSeconds(1) });
}
