using System.Text;

namespace ArgoEvents.Testing.Mqtt;

/// <summary>Renders mosquitto.conf for one test broker from its options and resolved ports and paths.</summary>
public static class MosquittoConfigFile
{
    /// <summary>Returns the text of the config file.</summary>
    public static string Render(MosquittoOptions options, int port, int? tlsPort, string? passwordFile, string persistenceDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();

        // As root mosquitto would switch to the 'mosquitto' user, who cannot write the test's temp directory.
        Line(text, $"user {Environment.UserName}");
        // stderr: mosquitto block-buffers stdout into a pipe, which would hide the "running" line readiness waits for.
        Line(text, "log_dest stderr");
        Line(text, "log_type error");
        Line(text, "log_type warning");
        Line(text, "log_type notice");
        Line(text, "log_type information");
        Line(text, "connection_messages true");
        Line(text, $"allow_anonymous {(options.AllowAnonymous ? "true" : "false")}");
        if (passwordFile is not null)
        {
            Line(text, $"password_file {passwordFile}");
        }

        if (options.Persistence)
        {
            Line(text, "persistence true");
            Line(text, $"persistence_location {persistenceDirectory.TrimEnd('/')}/");
        }

        if (options.MaxQueuedMessages is { } queued)
        {
            Line(text, $"max_queued_messages {queued}");
        }

        if (options.MaxInflightMessages is { } inflight)
        {
            Line(text, $"max_inflight_messages {inflight}");
        }

        Line(text, $"listener {port} 127.0.0.1");
        if (options.Tls is { } tls && tlsPort is { } securePort)
        {
            Line(text, $"listener {securePort} 127.0.0.1");
            Line(text, $"cafile {tls.CaFile}");
            Line(text, $"certfile {tls.CertificateFile}");
            Line(text, $"keyfile {tls.KeyFile}");
            if (options.RequireClientCertificate)
            {
                Line(text, "require_certificate true");
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
