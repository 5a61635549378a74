using System.Net.Security;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers.Http;
using EmailTriggerSpec = ArgoEvents.Api.V1Alpha1.EmailTrigger;

namespace ArgoEvents.Sensors.Triggers.Email;

/// <summary>
/// Creates <c>email</c> triggers: reads the SMTP password and, when no parameter can change them, checks the server,
/// sender, recipients, subject and body the spec names.
/// </summary>
internal sealed class EmailTriggerFactory : ITriggerFactory
{
    /// <summary>The longest one SMTP conversation (all recipients of one firing) may take.</summary>
    public TimeSpan ConversationTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Replaces the system's check of the server certificate (tests with a self-signed server); null keeps it.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <inheritdoc />
    public TriggerType Type => TriggerType.Email;

    /// <inheritdoc />
    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentException.ThrowIfNullOrEmpty(fieldPath);
        ArgumentNullException.ThrowIfNull(services);
        var path = fieldPath + ".template.email";
        var spec = trigger.Template?.Email ?? throw new TriggerConfigurationException($"{path} is required for an email trigger.");
        var password = TriggerSecrets.Read(services, spec.SmtpPassword, path + ".smtpPassword");
        if (trigger.Parameters.Count == 0 && spec.Parameters.Count == 0 && Problem(spec, path) is { } problem)
        {
            throw new TriggerConfigurationException(problem);
        }

        return new EmailTrigger(password, ConversationTimeout, services.Time, CertificateValidation, path);
    }

    /// <summary>What keeps <paramref name="spec"/> from being sent, or null.</summary>
    internal static string? Problem(EmailTriggerSpec spec, string path) =>
        spec switch
        {
            { Host: null or "" } => $"{path}.host is required: the SMTP server to send through.",
            { Port: null or <= 0 or > 65535 } => $"{path}.port must be the SMTP server's port (1-65535), got {spec.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.",
            { From: null or "" } => $"{path}.from is required: the sender address.",
            { To.Count: 0 } => $"{path}.to must list at least one recipient.",
            { Subject: null or "" } => $"{path}.subject is required (Argo sends no email without one).",
            { Body: null or "" } => $"{path}.body is required (Argo sends no email without one).",
            _ => null,
        };
}
