namespace ArgoEvents.Testing;

/// <summary>
/// Finds a server executable the tests start: an environment variable naming it, then where its Debian package puts
/// it, then PATH. A missing one fails naming every place looked at and the package that provides it.
/// </summary>
public static class ServerExecutable
{
    /// <summary>Full path of <paramref name="name"/>.</summary>
    /// <param name="name">The file name looked for on PATH.</param>
    /// <param name="debianLocation">Where the Debian package installs it.</param>
    /// <param name="pathVariable">The environment variable that overrides the search; null when there is none.</param>
    /// <param name="package">The Debian package that provides it.</param>
    public static string Locate(string name, string debianLocation, string? pathVariable, string package)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(debianLocation);
        ArgumentException.ThrowIfNullOrEmpty(package);
        var install = $"On Debian: apt-get install -y {package}.";
        if (pathVariable is not null && Environment.GetEnvironmentVariable(pathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{pathVariable} is '{configured}', but no file is there. {install}", configured);
        }

        if (File.Exists(debianLocation))
        {
            return debianLocation;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var found = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        var unset = pathVariable is null ? string.Empty : $"{pathVariable} is unset, ";
        return found ?? throw new FileNotFoundException($"{name} not found: {unset}{debianLocation} does not exist and no PATH directory has it. {install}");
    }
}
