using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Tests.Triggers.Http.Support;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.Email;
using Xunit;
using EmailTriggerSpec = ArgoEvents.Api.V1Alpha1.EmailTrigger;

namespace ArgoEvents.Sensors.Tests.Triggers.Email;

public sealed partial class EmailTriggerTests : IDisposable
{
    private readonly SecretsDirectory _secrets = new();

    public void Dispose() => _secrets.Dispose();

    [Fact]
    public async Task DeliversOneMessagePerRecipientWithParameterizedSubjectAndBody_AgainstAiosmtpd()
    {
        await using var smtp = await AiosmtpdServer.StartAsync(TestContext.Current.CancellationToken);
        var spec = Spec(smtp) with
        {
            To = ["ops@example.com", "dev.team@example.org"],
            Subject = "placeholder",
            Body = "placeholder",
            Parameters =
            [
                new TriggerParameter { Src = new TriggerParameterSource { DependencyName = "dep", DataKey = "title" }, Dest = "subject" },
                new TriggerParameter { Src = new TriggerParameterSource { DependencyName = "dep", DataKey = "text" }, Dest = "body" },
            ],
        };

        await FireAsync(spec, """{"title":"Déploiement réussi ✓","text":"line one\n.starts with a dot\nlast line"}""");

        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count);
        var byRecipient = messages.ToDictionary(m => Header(m, "X-RcptTo")!, m => m);
        Assert.Equal(["dev.team@example.org", "ops@example.com"], byRecipient.Keys.Order(StringComparer.Ordinal).ToArray());
        foreach (var (recipient, message) in byRecipient)
        {
            Assert.Equal(recipient, Header(message, "To"));
            Assert.Equal("Argo Events <argo@example.net>", Header(message, "From"));
            Assert.Equal("argo@example.net", Header(message, "X-MailFrom"));
            Assert.Equal("Déploiement réussi ✓", DecodeEncodedWords(Header(message, "Subject")!));
            Assert.Equal("1.0", Header(message, "MIME-Version"));
            Assert.Equal("text/plain; charset=UTF-8", Header(message, "Content-Type"));
            Assert.Matches(@"^<[0-9a-f]{32}@example\.net>$", Header(message, "Message-ID")!);
            Assert.NotNull(Header(message, "Date"));
            Assert.Equal("line one\n.starts with a dot\nlast line", Body(message));
        }
    }

    [Fact]
    public async Task NonAsciiBodiesTravelAsBase64_AgainstAiosmtpd()
    {
        await using var smtp = await AiosmtpdServer.StartAsync(TestContext.Current.CancellationToken);
        await FireAsync(Spec(smtp) with { To = ["a@example.com"], Subject = "Plain subject", Body = "Grüße aus Köln\r\nzweite Zeile" });

        var message = Assert.Single(smtp.Messages());
        Assert.Equal("Plain subject", Header(message, "Subject"));
        Assert.Equal("base64", Header(message, "Content-Transfer-Encoding"));
        Assert.Equal("Grüße aus Köln\nzweite Zeile", Body(message));
    }

    [Fact]
    public async Task ARecipientTheServerRefusesFailsTheFiringAfterTheOthersWereSent_AgainstAiosmtpd()
    {
        await using var smtp = await AiosmtpdServer.StartAsync(TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<TriggerExecutionException>(
            () => FireAsync(Spec(smtp) with { To = ["refused@example.com", "kept@example.com", "not-an-address"] }));

        Assert.Contains("RCPT TO:<refused@example.com>", error.Message, StringComparison.Ordinal);
        Assert.Contains("550", error.Message, StringComparison.Ordinal);
        Assert.Contains("'not-an-address' is not a valid e-mail address", error.Message, StringComparison.Ordinal);
        var message = Assert.Single(smtp.Messages());
        Assert.Equal("kept@example.com", Header(message, "X-RcptTo"));
    }

    [Fact]
    public async Task StartTlsIsUsedWhenOfferedAndTheServerCertificateIsChecked_AgainstAiosmtpd()
    {
        using var certificates = TestCertificates.Create();
        var keyPem = certificates.Server.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();
        await using var smtp = await AiosmtpdServer.StartAsync(TestContext.Current.CancellationToken, certificates.Server.ExportCertificatePem(), keyPem);

        // The system does not trust the test CA, so the handshake fails and nothing is sent in clear instead.
        var untrusted = await Assert.ThrowsAsync<TriggerExecutionException>(() => FireAsync(Spec(smtp)));
        Assert.Contains("no email was sent", untrusted.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());

        // aiosmtpd refuses MAIL before STARTTLS, so a delivery proves the conversation was upgraded.
        var thumbprint = certificates.Server.Thumbprint;
        var trusting = new EmailTriggerFactory { CertificateValidation = (_, certificate, _, _) => certificate is X509Certificate2 c && c.Thumbprint == thumbprint };
        await FireAsync(Spec(smtp), factory: trusting);
        Assert.Equal("someone@example.com", Header(Assert.Single(smtp.Messages()), "X-RcptTo"));
    }

    [Fact]
    public async Task AnUnreachableServerIsAnExecutionError()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var error = await Assert.ThrowsAsync<TriggerExecutionException>(
            () => FireAsync(new EmailTriggerSpec { Host = "127.0.0.1", Port = port, From = "a@example.com", To = ["b@example.com"], Subject = "s", Body = "b" }));
        Assert.Contains("no email was sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialsAreNotSentToAServerThatOffersNoAuth_AgainstAiosmtpd()
    {
        _secrets.Write("smtp", "password", "pw");
        await using var smtp = await AiosmtpdServer.StartAsync(TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<TriggerExecutionException>(() => FireAsync(Spec(smtp) with
        {
            Username = "argo",
            SmtpPassword = new SecretKeySelector { Name = "smtp", Key = "password" },
        }));
        Assert.Contains("offers no AUTH mechanism", error.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public void ASpecWithoutSubjectOrPortIsRefusedAtCreate()
    {
        var factory = new EmailTriggerFactory();
        var noSubject = Assert.Throws<TriggerConfigurationException>(() => factory.Create(
            Wrap(new EmailTriggerSpec { Host = "smtp.example.com", Port = 587, From = "a@example.com", To = ["b@example.com"], Body = "b" }),
            "spec.triggers[0]",
            _secrets.Services()));
        Assert.Equal("spec.triggers[0].template.email.subject is required (Argo sends no email without one).", noSubject.Message);

        var noPort = Assert.Throws<TriggerConfigurationException>(() => factory.Create(
            Wrap(new EmailTriggerSpec { Host = "smtp.example.com", From = "a@example.com", To = ["b@example.com"], Subject = "s", Body = "b" }),
            "spec.triggers[0]",
            _secrets.Services()));
        Assert.Contains("spec.triggers[0].template.email.port", noPort.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecipientsAreCheckedAsArgoChecksThem()
    {
        Assert.True(ArgoEvents.Sensors.Triggers.Email.EmailTrigger.IsValidRecipient("first.last-1@mail.example.com"));
        Assert.False(ArgoEvents.Sensors.Triggers.Email.EmailTrigger.IsValidRecipient("first+tag@example.com"));
        Assert.False(ArgoEvents.Sensors.Triggers.Email.EmailTrigger.IsValidRecipient("someone@example.museum"));
        Assert.False(ArgoEvents.Sensors.Triggers.Email.EmailTrigger.IsValidRecipient("someone@localhost"));
    }

    private static EmailTriggerSpec Spec(AiosmtpdServer smtp) => new()
    {
        Host = "127.0.0.1",
        Port = smtp.Port,
        From = "Argo Events <argo@example.net>",
        To = ["someone@example.com"],
        Subject = "Hello",
        Body = "Body",
    };

    private static Trigger Wrap(EmailTriggerSpec spec) => new() { Template = new TriggerTemplate { Name = "email", Email = spec } };

    private static string? Header(string message, string name)
    {
        var headers = message.ReplaceLineEndings("\n").Split("\n\n", 2)[0];
        var match = Regex.Match(headers, $@"^{Regex.Escape(name)}:[ \t]*(.*(?:\n[ \t].*)*)", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value.Replace("\n", string.Empty, StringComparison.Ordinal) : null;
    }

    private static string Body(string message)
    {
        var body = message.ReplaceLineEndings("\n").Split("\n\n", 2)[1];
        return Header(message, "Content-Transfer-Encoding") == "base64"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", string.Empty, StringComparison.Ordinal))).ReplaceLineEndings("\n")
            : body.TrimEnd('\n');
    }

    // Adjacent encoded words join without the folding whitespace between them (RFC 2047 section 6.2).
    private static string DecodeEncodedWords(string value)
    {
        var words = EncodedWord().Matches(value);
        return words.Count == 0 ? value : Encoding.UTF8.GetString([.. words.SelectMany(m => Convert.FromBase64String(m.Groups[1].Value))]);
    }

    [GeneratedRegex(@"=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    private async Task FireAsync(EmailTriggerSpec spec, string eventJson = "{}", EmailTriggerFactory? factory = null)
    {
        var trigger = Wrap(spec);
        await using var created = (factory ?? new EmailTriggerFactory()).Create(trigger, "spec.triggers[0]", _secrets.Services());
        await created.ExecuteAsync(new TriggerInvocation(trigger.Template!, TestEvents.One("dep", eventJson)), TestContext.Current.CancellationToken);
    }
}
