using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ArgoEvents.Sensors.Tests.Triggers.Http.Support;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// A real SMTP server for the corpus' email sensor, which logs in with a username and password: Debian's aiosmtpd
/// (<c>python3-aiosmtpd</c>) on 127.0.0.1, offering STARTTLS with a test certificate and AUTH PLAIN/LOGIN (required,
/// and only after STARTTLS), delivering into a Maildir the test reads.
/// </summary>
internal sealed class CorpusSmtpServer : IAsyncDisposable
{
    public const string Username = "username";
    public const string Password = "corpus-password";
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import ssl, sys, threading
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import AuthResult

        root, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode(), sys.argv[4].encode()

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = getattr(auth_data, "login", None) == user and getattr(auth_data, "password", None) == password
            return AuthResult(success=ok, handled=False)

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(root + "/server.crt", root + "/server.key")
        controller = Controller(Mailbox(root + "/maildir"), hostname="127.0.0.1", port=port, tls_context=context,
                                require_starttls=True, authenticator=authenticate, auth_required=True, auth_require_tls=True)
        controller.start()
        print("ready", flush=True)
        threading.Event().wait()
        """;

    private readonly Process _process;
    private readonly string _root;
    private readonly TestCertificates _certificates;

    private CorpusSmtpServer(Process process, string root, int port, TestCertificates certificates)
    {
        _process = process;
        _root = root;
        Port = port;
        _certificates = certificates;
    }

    public int Port { get; }

    /// <summary>The thumbprint of the server's certificate, which the test's email trigger trusts.</summary>
    public string Thumbprint => _certificates.Server.Thumbprint;

    public static async Task<CorpusSmtpServer> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"The corpus email sensor needs a real SMTP server: {Python} with aiosmtpd ('apt-get install -y python3-aiosmtpd').");
        }

        var certificates = TestCertificates.Create();
        var root = Directory.CreateTempSubdirectory("corpus-smtp-").FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "server.crt"), certificates.Server.ExportCertificatePem(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "server.key"), certificates.Server.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "smtp_server.py"), Script, cancellationToken);
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { Path.Combine(root, "smtp_server.py"), root, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Username, Password },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data == "ready")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new CorpusSmtpServer(process, root, port, certificates);
        var exited = process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(15), cancellationToken)) != ready.Task)
        {
            await server.DisposeAsync();
            Assert.Fail($"aiosmtpd did not start on 127.0.0.1:{port}: {output}");
        }

        return server;
    }

    public bool TrustsCertificate(X509Certificate? certificate) =>
        certificate is X509Certificate2 c && c.Thumbprint == _certificates.Server.Thumbprint;

    /// <summary>The messages delivered so far, as their raw text.</summary>
    public IReadOnlyList<string> Messages()
    {
        var delivered = Path.Combine(_root, "maildir", "new");
        return Directory.Exists(delivered) ? [.. Directory.GetFiles(delivered).Select(File.ReadAllText)] : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _certificates.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
