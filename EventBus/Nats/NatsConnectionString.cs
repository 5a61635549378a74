namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// Reads the connection string a host injects (<c>ConnectionStrings__eventbus</c>): one or more server URLs
/// separated by commas, e.g. <c>nats://n1:4222,nats://n2:4222</c>; credentials may ride in the URLs.
/// </summary>
public static class NatsConnectionString
{
    /// <summary>Options with <see cref="NatsOptions.Urls"/> set from <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">The string is empty or a URL is malformed; the message names it.</exception>
    public static NatsOptions Parse(string connectionString, NatsOptions? template = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var urls = connectionString.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new ArgumentException("The NATS connection string names no server.", nameof(connectionString));
        }

        foreach (var url in urls)
        {
            // Parsing here reports a bad entry at start-up rather than at the first connect attempt.
            _ = NatsServerAddress.Parse(url);
        }

        return (template ?? new NatsOptions()) with { Urls = urls };
    }
}
