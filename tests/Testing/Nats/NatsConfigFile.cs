using System.Globalization;
using System.Text;

namespace ArgoEvents.Testing.Nats;

/// <summary>Renders the nats-server configuration file for one server from its options and resolved ports.</summary>
public static class NatsConfigFile
{
    /// <summary>Returns the text of the config file.</summary>
    public static string Render(NatsServerOptions options, string serverName, int port, int monitorPort, string storeDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        Line(text, $"server_name: {Quote(serverName)}");
        Line(text, $"listen: {Quote($"127.0.0.1:{port}")}");
        Line(text, $"http: {Quote($"127.0.0.1:{monitorPort}")}");
        if (options.MaxPayload is { } maxPayload)
        {
            Line(text, $"max_payload: {maxPayload}");
        }

        if (options.LameDuckDuration is { } duration)
        {
            Line(text, $"lame_duck_duration: {Duration(duration)}");
        }

        if (options.LameDuckGracePeriod is { } grace)
        {
            Line(text, $"lame_duck_grace_period: {Duration(grace)}");
        }

        if (options.Token is { } token)
        {
            Line(text, $"authorization {{ token: {Quote(token)} }}");
        }
        else if (options.User is { } user)
        {
            Line(text, $"authorization {{ user: {Quote(user)}, password: {Quote(options.Password!)} }}");
        }

        if (options.Tls is { } tls)
        {
            var clients = tls.ClientCaFile is { } caFile ? $", ca_file: {Quote(caFile)}" : string.Empty;
            var verify = tls.VerifyClients ? ", verify: true" : string.Empty;
            Line(text, $"tls {{ cert_file: {Quote(tls.CertificateFile)}, key_file: {Quote(tls.KeyFile)}{clients}{verify} }}");
        }

        if (options.JetStream)
        {
            Line(text, $"jetstream {{ store_dir: {Quote(storeDirectory)}, max_memory_store: {options.JetStreamMaxMemory}, max_file_store: {options.JetStreamMaxFile} }}");
        }

        if (options.Cluster is { } cluster)
        {
            var routes = string.Join(", ", cluster.Routes.Select(p => Quote($"nats-route://127.0.0.1:{p}")));
            Line(text, "cluster {");
            Line(text, $"  name: {Quote(cluster.Name)}");
            Line(text, $"  listen: {Quote($"127.0.0.1:{cluster.RoutePort}")}");
            Line(text, $"  routes: [ {routes} ]");
            Line(text, "}");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    // Go durations accept "ms"; whole milliseconds are precise enough for every timing nats-server takes.
    private static string Duration(TimeSpan value) =>
        Quote(((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms");

    // The config lexer understands \" and \\ inside double quotes; control characters are refused by validation.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
