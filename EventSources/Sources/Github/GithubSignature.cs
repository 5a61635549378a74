using System.Security.Cryptography;
using System.Text;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;

namespace ArgoEvents.EventSources.Sources.Github;

/// <summary>
/// GitHub's delivery signature, checked as Argo checks it (go-github's ValidatePayload): <c>X-Hub-Signature-256</c>,
/// or the legacy <c>X-Hub-Signature</c> when that is the only one sent, holding <c>&lt;algorithm&gt;=&lt;hex HMAC of
/// the raw body&gt;</c> with sha256, sha1 or sha512 under the webhook secret.
/// </summary>
internal static class GithubSignature
{
    public const string Sha256Header = "X-Hub-Signature-256";
    public const string LegacyHeader = "X-Hub-Signature";

    /// <summary>Why the request's signature does not prove <paramref name="secret"/> signed <paramref name="body"/>; null when it does.</summary>
    public static string? Problem(HttpRequest request, byte[] secret, ReadOnlySpan<byte> body)
    {
        var signature = request.Headers[Sha256Header].ToString();
        if (signature.Length == 0)
        {
            signature = request.Headers[LegacyHeader].ToString();
        }

        if (signature.Length == 0)
        {
            return "missing signature";
        }

        var separator = signature.IndexOf('=', StringComparison.Ordinal);
        if (separator < 0)
        {
            return $"error parsing signature: expected <algorithm>=<hex> in {Sha256Header}";
        }

        HashAlgorithmName? algorithm = signature[..separator] switch
        {
            "sha256" => HashAlgorithmName.SHA256,
            "sha1" => HashAlgorithmName.SHA1,
            "sha512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (algorithm is null)
        {
            return $"unknown hash type prefix: \"{signature[..separator]}\"";
        }

        return HexMac.Matches(HexMac.Compute(algorithm.Value, secret, body), signature.AsSpan(separator + 1))
            ? null
            : "payload signature check failed";
    }

    /// <summary>The secret as the bytes the HMAC is keyed with.</summary>
    public static byte[] Key(string secret) => Encoding.UTF8.GetBytes(secret);
}
