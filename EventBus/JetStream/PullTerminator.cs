using System.Globalization;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>Reads the status messages that end or accompany pull requests (§ ADR-37).</summary>
internal static class PullTerminator
{
    public const int Heartbeat = 100;
    public const int BadRequest = 400;
    public const int NoMessages = 404;
    public const int RequestTimeout = 408;
    public const int Conflict = 409;
    public const int NoResponders = 503;

    /// <summary>409s after which the consumer can never serve this client again.</summary>
    public static bool IsFatalConflict(in NatsMsg msg) =>
        msg.Status == Conflict
        && msg.StatusDescription is { } d
        && (d.StartsWith("Consumer Deleted", StringComparison.OrdinalIgnoreCase) || d.StartsWith("Consumer is push based", StringComparison.OrdinalIgnoreCase));

    /// <summary>Messages of the ended request that will never come (<c>Nats-Pending-Messages</c>), or 0.</summary>
    public static long PendingMessages(in NatsMsg msg) =>
        msg.Headers is { } headers
        && headers.TryGetValue(JetStreamHeaders.PendingMessages, out var text)
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pending)
            ? pending
            : 0;

    public static string Describe(in NatsMsg msg) => string.Create(CultureInfo.InvariantCulture, $"{msg.Status} {msg.StatusDescription}");
}
