namespace ArgoEvents.Testing.Redis;

/// <summary>Finds the redis-server executable: $REDIS_SERVER_PATH, then /usr/bin/redis-server, then PATH.</summary>
public static class RedisServerBinary
{
    /// <summary>Environment variable that overrides where redis-server is.</summary>
    public const string PathVariable = "REDIS_SERVER_PATH";

    private const string DebianLocation = "/usr/bin/redis-server";

    /// <summary>Full path of the executable; throws naming every place looked at, and the Debian package, when there is none.</summary>
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
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"redis-server not found: {PathVariable} is unset, {DebianLocation} does not exist and no PATH directory has it. " +
            "On Debian: apt-get install -y redis-server.");
    }
}
