using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;

namespace ArgoEvents.EventSources.Sources.Slack;

/// <summary>
/// Slack's request signing: <c>X-Slack-Signature: v0=&lt;hex HMAC-SHA256 of "v0:{X-Slack-Request-Timestamp}:{body}"&gt;</c>
/// under the app's signing secret, with the timestamp at most five minutes away from now (replays are refused).
/// </summary>
internal static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>How far the request's timestamp may be from now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Why the request is not signed by <paramref name="secret"/> just now; null when it is.</summary>
    public static string? Problem(HttpRequest request, byte[] secret, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var signature = request.Headers[SignatureHeader].FirstOrDefault() ?? "";
        var timestamp = request.Headers[TimestampHeader].FirstOrDefault() ?? "";
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            return $"missing {SignatureHeader} or {TimestampHeader} header";
        }

        if (!long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return $"{TimestampHeader} is not a Unix time";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Window)
        {
            return "timestamp is too old";
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.ASCII.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        var hex = signature.StartsWith("v0=", StringComparison.Ordinal) ? signature.AsSpan(3) : signature.AsSpan();
        return HexMac.Matches(hmac.GetHashAndReset(), hex) ? null : "signature validation failed";
    }
}
