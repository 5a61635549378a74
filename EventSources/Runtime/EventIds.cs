using System.Security.Cryptography;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>Event ids: 32 lower-case hex characters of a random UUID, as Argo writes them, or derived from the happening.</summary>
public static class EventIds
{
    /// <summary>A new random id.</summary>
    public static string NewRandom() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// An id that is the same every time the same happening is read again: 32 hex characters of a SHA-256 over the
    /// EventSource, the event and the happening's own key (e.g. a tick's scheduled time or an upstream message id).
    /// </summary>
    public static string Derived(string eventSourceName, string eventName, string happeningKey)
    {
        ArgumentNullException.ThrowIfNull(eventSourceName);
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(happeningKey);
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{eventSourceName}\n{eventName}\n{happeningKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
