using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>The value of a lease key: <c>{"holder":…,"acquired":…,"renewed":…}</c>, times in RFC 3339 UTC.</summary>
/// <param name="Holder">The holder's identity.</param>
/// <param name="Acquired">When the holder's term began; together with the holder it names the term.</param>
/// <param name="Renewed">When the holder last wrote the key.</param>
internal sealed record NatsLeaseRecord(
    [property: JsonPropertyName("holder")] string Holder,
    [property: JsonPropertyName("acquired")] string Acquired,
    [property: JsonPropertyName("renewed")] string Renewed)
{
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, NatsLeaseJsonContext.Default.NatsLeaseRecord);

    /// <summary>Reads a value; null when it is not a lease record (someone else wrote the key).</summary>
    public static NatsLeaseRecord? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var record = JsonSerializer.Deserialize(utf8, NatsLeaseJsonContext.Default.NatsLeaseRecord);
            return record is { Holder: not null, Acquired: not null } ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when both records belong to the same term of the same holder.</summary>
    public bool SameTermAs(string holder, string acquired) =>
        string.Equals(Holder, holder, StringComparison.Ordinal) && string.Equals(Acquired, acquired, StringComparison.Ordinal);
}
