using System.Net.Security;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.Email;
using ArgoEvents.Sensors.Triggers.Slack;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// Every trigger type the service runs, with Slack's Web API pointed at an in-test server and, when given, the email
/// trigger trusting the in-test SMTP server's certificate.
/// </summary>
internal static class CorpusTriggers
{
    public static TriggerRegistry Registry(Uri slackApiBaseAddress, RemoteCertificateValidationCallback? smtpCertificateValidation = null)
    {
        var registry = SensorService.DefaultTriggers()
            .Add(new SlackTriggerFactory { SlackApiBaseAddress = slackApiBaseAddress, MaxRetryAfter = TimeSpan.FromSeconds(1) });
        return smtpCertificateValidation is null ? registry : registry.Add(new EmailTriggerFactory { CertificateValidation = smtpCertificateValidation });
    }
}
