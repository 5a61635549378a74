namespace ArgoEvents.Testing.Mqtt;

/// <summary>Finds mosquitto and mosquitto_passwd: $MOSQUITTO_PATH, then the Debian locations, then PATH.</summary>
public static class MosquittoBinary
{
    /// <summary>Environment variable that overrides where the mosquitto broker is.</summary>
    public const string PathVariable = "MOSQUITTO_PATH";

    /// <summary>Full path of the broker; throws naming every place looked at, and the Debian package, when there is none.</summary>
    public static string LocateBroker() => ServerExecutable.Locate("mosquitto", "/usr/sbin/mosquitto", PathVariable, "mosquitto");

    /// <summary>Full path of mosquitto_passwd (from the same package); throws naming the Debian package when there is none.</summary>
    public static string LocatePasswordTool() => ServerExecutable.Locate("mosquitto_passwd", "/usr/bin/mosquitto_passwd", pathVariable: null, "mosquitto");
}
