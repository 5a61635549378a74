using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Sources.Stripe;

/// <summary>
/// Stripe's webhook signature: <c>Stripe-Signature: t=&lt;unix time&gt;,v1=&lt;hex&gt;[,v1=...]</c> where a v1 is the
/// HMAC-SHA256 of <c>"{t}.{body}"</c> under the endpoint's signing secret (<c>whsec_...</c>); any v1 may match (Stripe
/// sends several while a secret is rolled), and t must be within 300 s of now so a captured delivery cannot be
/// replayed later.
/// </summary>
internal static class StripeSignature
{
    public const string Header = "Stripe-Signature";

    /// <summary>How far the signed time may be from now.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    /// <summary>Why <paramref name="header"/> does not prove <paramref name="secret"/> signed <paramref name="body"/> just now; null when it does.</summary>
    public static string? Problem(string? header, byte[] secret, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header))
        {
            return $"missing {Header} header";
        }

        string? timestamp = null;
        var signatures = new List<string>(2);
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            switch (part[..separator])
            {
                case "t":
                    timestamp = part[(separator + 1)..];
                    break;
                case "v1":
                    signatures.Add(part[(separator + 1)..]);
                    break;
            }
        }

        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return $"{Header} has no valid timestamp";
        }

        if (signatures.Count == 0)
        {
            return $"{Header} has no v1 signature";
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        var expected = hmac.GetHashAndReset();
        // Every candidate is compared, so the time taken does not tell which one was close.
        var matched = false;
        foreach (var signature in signatures)
        {
            matched |= HexMac.Matches(expected, signature);
        }

        if (!matched)
        {
            return "no signatures found matching the expected signature for payload";
        }

        return (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance ? "timestamp outside the tolerance zone" : null;
    }
}
