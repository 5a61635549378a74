using System.Net;
using System.Text.RegularExpressions;

namespace ArgoEvents.EventSources.Sources.Sns;

/// <summary>
/// Which URLs from a message this source may fetch (the signing certificate, the subscription confirmation): only
/// https on an SNS host (<c>sns.&lt;region&gt;.amazonaws.com</c>, or <c>.com.cn</c>), as Argo's check, so a forged
/// message cannot make the service fetch arbitrary URLs. Loopback http(s) URLs are allowed only when configuration
/// <c>EventSource:Sns:AllowLoopbackUrls</c> is true (tests, local SNS emulators).
/// </summary>
public sealed partial class SnsUrlPolicy
{
    /// <summary>The configuration key that permits loopback URLs.</summary>
    public const string AllowLoopbackSetting = "EventSource:Sns:AllowLoopbackUrls";

    /// <summary>Creates the policy.</summary>
    public SnsUrlPolicy(bool allowLoopback) => AllowLoopback = allowLoopback;

    /// <summary>Whether loopback URLs are allowed.</summary>
    public bool AllowLoopback { get; }

    /// <summary>Why <paramref name="url"/> may not be fetched; null when it may.</summary>
    public string? Problem(string url, string field)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"{field} is not a valid URL";
        }

        if (AllowLoopback && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && IsLoopback(uri))
        {
            return null;
        }

        if (!SnsHost().IsMatch(uri.Host))
        {
            return $"{field} hostname `{uri.Host}` is not an SNS host";
        }

        return uri.Scheme == Uri.UriSchemeHttps ? null : $"{field} is not using https";
    }

    private static bool IsLoopback(Uri uri)
        => uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex(@"^sns\.[a-zA-Z0-9\-]{3,}\.amazonaws\.com(\.cn)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SnsHost();
}
