using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Triggers.Email;

/// <summary>
/// A real SMTP server for the email trigger's tests: Debian's aiosmtpd (<c>python3-aiosmtpd</c>) run as
/// <c>/usr/bin/python3 -m aiosmtpd</c> on 127.0.0.1, delivering into a Maildir the test reads. Its handler refuses
/// recipients whose local part is <c>refused</c>, to test the server's refusals.
/// </summary>
public sealed class AiosmtpdServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private const string HandlerModule = """
        from aiosmtpd.handlers import Mailbox


        class RefusingMailbox(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.lower().startswith("refused@"):
                    return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
                envelope.rcpt_tos.append(address)
                return "250 OK"
        """;

    private readonly Process _process;
    private readonly string _root;
    private readonly StringBuilder _output;

    private AiosmtpdServer(Process process, string root, int port, StringBuilder output)
    {
        _process = process;
        _root = root;
        Port = port;
        _output = output;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The Maildir the messages are delivered to.</summary>
    public string Maildir => Path.Combine(_root, "maildir");

    /// <summary>
    /// Starts the server and waits until it accepts connections. With <paramref name="certificatePem"/> and
    /// <paramref name="keyPem"/> it offers STARTTLS and refuses mail until the client has used it.
    /// </summary>
    public static async Task<AiosmtpdServer> StartAsync(CancellationToken cancellationToken, string? certificatePem = null, string? keyPem = null)
    {
        var check = await RunAsync("-c \"import aiosmtpd\"", cancellationToken);
        if (check != 0)
        {
            Assert.Fail($"The email trigger tests need a real SMTP server: {Python} with the aiosmtpd module. Install it with 'apt-get install -y python3-aiosmtpd'.");
        }

        var root = Directory.CreateTempSubdirectory("httptrig-smtp-").FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "refusing_mailbox.py"), HandlerModule, cancellationToken);
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (certificatePem is not null && keyPem is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(root, "server.crt"), certificatePem, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(root, "server.key"), keyPem, cancellationToken);
            foreach (var argument in new[] { "--tlscert", Path.Combine(root, "server.crt"), "--tlskey", Path.Combine(root, "server.key") })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in new[] { "-c", "refusing_mailbox.RefusingMailbox", Path.Combine(root, "maildir") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = root;
        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AiosmtpdServer(process, root, port, output);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (SocketException)
            {
                await server.DisposeAsync();
                Assert.Fail($"aiosmtpd did not start listening on 127.0.0.1:{port}: {output}");
            }
        }
    }

    /// <summary>The messages delivered so far, as their raw text.</summary>
    public IReadOnlyList<string> Messages()
    {
        var delivered = Path.Combine(Maildir, "new");
        return Directory.Exists(delivered)
            ? [.. Directory.GetFiles(delivered).Select(File.ReadAllText)]
            : [];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static async Task<int> RunAsync(string arguments, CancellationToken cancellationToken)
    {
        if (!File.Exists(Python))
        {
            return -1;
        }

        using var process = Process.Start(new ProcessStartInfo(Python, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }
}
