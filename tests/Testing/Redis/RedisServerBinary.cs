namespace ArgoEvents.Testing.Redis;

/// <summary>Finds the redis-server executable: $REDIS_SERVER_PATH, then /usr/bin/redis-server, then PATH.</summary>
public static class RedisServerBinary
{
    /// <summary>Environment variable that overrides where redis-server is.</summary>
    public const string PathVariable = "REDIS_SERVER_PATH";

    /// <summary>Full path of the executable; throws naming every place looked at, and the Debian package, when there is none.</summary>
    public static string Locate() => ServerExecutable.Locate("redis-server", "/usr/bin/redis-server", PathVariable, "redis-server");
}
