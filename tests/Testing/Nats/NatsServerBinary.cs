namespace ArgoEvents.Testing.Nats;

/// <summary>Finds the nats-server executable: $NATS_SERVER_PATH, then /usr/sbin/nats-server, then PATH.</summary>
public static class NatsServerBinary
{
    /// <summary>Environment variable that overrides where nats-server is.</summary>
    public const string PathVariable = "NATS_SERVER_PATH";

    /// <summary>Full path of the executable; throws naming every place looked at when there is none.</summary>
    public static string Locate() => ServerExecutable.Locate("nats-server", "/usr/sbin/nats-server", PathVariable, "nats-server");
}
