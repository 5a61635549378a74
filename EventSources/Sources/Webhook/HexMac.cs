using System.Buffers;
using System.Security.Cryptography;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>Compares a MAC a sender wrote in hex with the one computed here, in constant time.</summary>
internal static class HexMac
{
    /// <summary>
    /// Whether <paramref name="hex"/> (either case) is the hex form of <paramref name="computed"/>. Text that is not
    /// hex, or of another length, never matches; the comparison itself takes the same time wherever the bytes differ.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> computed, ReadOnlySpan<char> hex)
    {
        if (hex.Length != computed.Length * 2)
        {
            return false;
        }

        Span<byte> sent = stackalloc byte[computed.Length];
        return Convert.FromHexString(hex, sent, out _, out var written) == OperationStatus.Done
            && written == computed.Length
            && CryptographicOperations.FixedTimeEquals(sent, computed);
    }

    /// <summary>The HMAC of <paramref name="data"/> under <paramref name="key"/>.</summary>
    public static byte[] Compute(HashAlgorithmName algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var hmac = IncrementalHash.CreateHMAC(algorithm, key);
        hmac.AppendData(data);
        return hmac.GetHashAndReset();
    }
}
