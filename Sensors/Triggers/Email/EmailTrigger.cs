using System.Net.Mail;
using System.Net.Security;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ArgoEvents.Sensors.Parameters;
using EmailTriggerSpec = ArgoEvents.Api.V1Alpha1.EmailTrigger;

namespace ArgoEvents.Sensors.Triggers.Email;

/// <summary>
/// Argo's email trigger: one plain-text email to each address of <c>to</c>, over one SMTP conversation per firing. As
/// in Argo, an address that is not a plain e-mail address, or that the server refuses, fails the firing, after the
/// other recipients were still sent their message.
/// </summary>
internal sealed partial class EmailTrigger : ITrigger
{
    private readonly string? _password;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly RemoteCertificateValidationCallback? _certificateValidation;
    private readonly string _fieldPath;

    /// <summary>Creates the trigger with the SMTP password read from its secret (null when it names none).</summary>
    public EmailTrigger(string? password, TimeSpan timeout, TimeProvider time, RemoteCertificateValidationCallback? certificateValidation, string fieldPath)
    {
        _password = password;
        _timeout = timeout;
        _time = time;
        _certificateValidation = certificateValidation;
        _fieldPath = fieldPath;
    }

    /// <summary>Whether <paramref name="address"/> is an address Argo's email trigger sends to.</summary>
    public static bool IsValidRecipient(string address) => Recipient().IsMatch(address);

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = invocation.Template.Email
            ?? throw new TriggerExecutionException($"{_fieldPath}: the template has no email trigger after its parameters were applied.");
        if (spec.Parameters.Count > 0)
        {
            try
            {
                spec = TriggerParameters.ApplyToModel(spec, spec.Parameters, invocation.Events);
            }
            catch (TriggerParameterException e)
            {
                throw new TriggerExecutionException($"{_fieldPath}.parameters: {e.Message}", e);
            }
        }

        var problem = EmailTriggerFactory.Problem(spec, _fieldPath);
        if (problem is not null)
        {
            throw new TriggerExecutionException(problem);
        }

        var errors = new List<string>();
        var recipients = new List<string>();
        foreach (var to in spec.To)
        {
            if (IsValidRecipient(to))
            {
                recipients.Add(to);
            }
            else
            {
                errors.Add($"'{to}' is not a valid e-mail address");
            }
        }

        if (recipients.Count > 0)
        {
            using var timeout = new CancellationTokenSource(_timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await SendAllAsync(spec, recipients, errors, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                errors.Add($"the SMTP conversation with {spec.Host}:{spec.Port} timed out after {_timeout.TotalSeconds:0.###}s ({e.Message})");
            }
        }

        if (errors.Count > 0)
        {
            throw new TriggerExecutionException($"{_fieldPath}: {string.Join("; ", errors)}.");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task SendAllAsync(EmailTriggerSpec spec, List<string> recipients, List<string> errors, CancellationToken cancellationToken)
    {
        var from = spec.From!;
        var envelopeFrom = MailAddress.TryCreate(from, out var parsed) ? parsed.Address : from;
        var domain = envelopeFrom.Contains('@', StringComparison.Ordinal) ? envelopeFrom[(envelopeFrom.LastIndexOf('@') + 1)..] : "argo-events.local";
        SmtpSession session;
        try
        {
            session = await SmtpSession.OpenAsync(spec.Host!, spec.Port!.Value, _certificateValidation, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpException e)
        {
            errors.Add($"no email was sent: {e.Message}");
            return;
        }
        catch (SocketException e)
        {
            errors.Add($"no email was sent: connecting to {spec.Host}:{spec.Port} failed: {e.Message}");
            return;
        }

        await using (session.ConfigureAwait(false))
        {
            try
            {
                if (!string.IsNullOrEmpty(spec.Username))
                {
                    await session.AuthenticateAsync(spec.Username, _password ?? string.Empty, cancellationToken).ConfigureAwait(false);
                }

                for (var i = 0; i < recipients.Count; i++)
                {
                    var message = MailMessageText.Build(from, recipients[i], spec.Subject!, spec.Body!, _time.GetUtcNow(), domain);
                    try
                    {
                        await session.SendAsync(envelopeFrom, recipients[i], message, cancellationToken).ConfigureAwait(false);
                    }
                    catch (SmtpException e) when (e.ConnectionUsable)
                    {
                        errors.Add($"sending to '{recipients[i]}' failed: {e.Message}");
                    }
                }

                await session.QuitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SmtpException or IOException or SocketException)
            {
                errors.Add($"the SMTP conversation with {spec.Host}:{spec.Port} failed: {e.Message}");
            }
        }
    }

    // Argo's own check of each address (Go's \w is ASCII): a plain local part, dotted domain labels, a 2-4 letter last label.
    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+@([A-Za-z0-9_\-]+\.)+[A-Za-z0-9_\-]{2,4}$")]
    private static partial Regex Recipient();
}
