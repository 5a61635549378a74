namespace ArgoEvents.Testing.Mqtt;

/// <summary>Finds mosquitto and mosquitto_passwd: $MOSQUITTO_PATH, then the Debian locations, then PATH.</summary>
public static class MosquittoBinary
{
    /// <summary>Environment variable that overrides where the mosquitto broker is.</summary>
    public const string PathVariable = "MOSQUITTO_PATH";

    private const string Package = "On Debian: apt-get install -y mosquitto (the package also provides mosquitto_passwd).";

    /// <summary>Full path of the broker; throws naming every place looked at, and the Debian package, when there is none.</summary>
    public static string LocateBroker()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{PathVariable} is '{configured}', but no file is there. {Package}", configured);
        }

        return Find("mosquitto", "/usr/sbin/mosquitto")
            ?? throw new FileNotFoundException(
                $"mosquitto not found: {PathVariable} is unset, /usr/sbin/mosquitto does not exist and no PATH directory has it. {Package}");
    }

    /// <summary>Full path of mosquitto_passwd; throws naming the Debian package when there is none.</summary>
    public static string LocatePasswordTool() =>
        Find("mosquitto_passwd", "/usr/bin/mosquitto_passwd")
        ?? throw new FileNotFoundException($"mosquitto_passwd not found in /usr/bin or on PATH. {Package}");

    private static string? Find(string name, string debianLocation)
    {
        if (File.Exists(debianLocation))
        {
            return debianLocation;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
