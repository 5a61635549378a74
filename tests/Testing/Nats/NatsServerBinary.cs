namespace ArgoEvents.Testing.Nats;

/// <summary>Finds the nats-server executable: $NATS_SERVER_PATH, then /usr/sbin/nats-server, then PATH.</summary>
public static class NatsServerBinary
{
    /// <summary>Environment variable that overrides where nats-server is.</summary>
    public const string PathVariable = "NATS_SERVER_PATH";

    private const string DebianLocation = "/usr/sbin/nats-server";

    /// <summary>Full path of the executable; throws naming every place looked at when there is none.</summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{PathVariable} is '{configured}', but no file is there.", configured);
        }

        if (File.Exists(DebianLocation))
        {
            return DebianLocation;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "nats-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"nats-server not found: {PathVariable} is unset, {DebianLocation} does not exist and no PATH directory has it. " +
            "On Debian: apt-get install -y nats-server.");
    }
}
