using System.Globalization;
using ArgoEvents.EventBus.JetStream;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Kubernetes <c>MicroTime</c>: RFC 3339 in UTC with exactly six fractional digits.</summary>
internal static class KubernetesMicroTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        text is not null && Rfc3339.TryParse(text, out var value) ? value : null;
}
