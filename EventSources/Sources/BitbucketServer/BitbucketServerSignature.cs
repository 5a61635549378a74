using System.Security.Cryptography;
using System.Text;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;

namespace ArgoEvents.EventSources.Sources.BitbucketServer;

/// <summary>
/// Bitbucket Server's delivery signature: <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c> under
/// the webhook secret, compared in constant time.
/// </summary>
internal static class BitbucketServerSignature
{
    public const string Header = "X-Hub-Signature";
    private const string Prefix = "sha256=";

    /// <summary>Why the signature does not prove <paramref name="secret"/> signed <paramref name="body"/>; null when it does.</summary>
    public static string? Problem(HttpRequest request, byte[] secret, ReadOnlySpan<byte> body)
    {
        var signature = request.Headers[Header].FirstOrDefault() ?? "";
        if (signature.Length == 0)
        {
            return "missing signature header";
        }

        return signature.StartsWith(Prefix, StringComparison.Ordinal)
            && HexMac.Matches(HexMac.Compute(HashAlgorithmName.SHA256, secret, body), signature.AsSpan(Prefix.Length))
            ? null
            : "hmac verification failed";
    }

    /// <summary>The secret as the bytes the HMAC is keyed with.</summary>
    public static byte[] Key(string secret) => Encoding.UTF8.GetBytes(secret);
}
