using System.Globalization;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// What the server encodes in the reply (ack) subject of every JetStream delivery:
/// <c>$JS.ACK.&lt;stream&gt;.&lt;consumer&gt;.&lt;delivered&gt;.&lt;stream seq&gt;.&lt;consumer seq&gt;.&lt;timestamp ns&gt;.&lt;pending&gt;</c>
/// (9 tokens), or the ADR-15 form with a domain and account hash after <c>ACK</c> (11 or more tokens).
/// </summary>
/// <param name="Stream">The stream the message came from.</param>
/// <param name="Consumer">The consumer that delivered it.</param>
/// <param name="NumDelivered">How many times it has been delivered, this time included.</param>
/// <param name="StreamSequence">Its sequence in the stream.</param>
/// <param name="ConsumerSequence">Its delivery sequence in the consumer.</param>
/// <param name="Timestamp">When the stream stored it.</param>
/// <param name="NumPending">Messages left for the consumer after this one.</param>
/// <param name="Domain">The JetStream domain, or null when the subject has none.</param>
public sealed record AckMetadata(
    string Stream,
    string Consumer,
    ulong NumDelivered,
    ulong StreamSequence,
    ulong ConsumerSequence,
    DateTimeOffset Timestamp,
    ulong NumPending,
    string? Domain)
{
    private const string Prefix = "$JS.ACK.";
    private const int V1TokenCount = 9;
    private const int V2MinTokenCount = 11;
    private const string NoDomainToken = "_";

    private static readonly string[] FieldNames =
        ["stream", "consumer", "delivered count", "stream sequence", "consumer sequence", "timestamp", "pending count"];

    /// <summary>Parses an ack subject.</summary>
    /// <param name="subject">The reply subject of a JetStream delivery.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="FormatException">The subject is not a JetStream ack subject; the message says which part is wrong.</exception>
    public static AckMetadata Parse(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return TryParseCore(subject, out var metadata, out var error) ? metadata : throw new FormatException(error);
    }

    /// <summary>Parses an ack subject without throwing.</summary>
    /// <param name="subject">The reply subject of a JetStream delivery.</param>
    /// <param name="metadata">The metadata, when the subject is valid.</param>
    /// <returns>False when the subject is not a JetStream ack subject.</returns>
    public static bool TryParse(string? subject, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AckMetadata? metadata)
    {
        if (subject is null)
        {
            metadata = null;
            return false;
        }

        var ok = TryParseCore(subject, out var parsed, out _);
        metadata = ok ? parsed : null;
        return ok;
    }

    /// <summary>True when the subject looks like a JetStream ack subject (cheap prefix check).</summary>
    /// <param name="subject">A reply subject.</param>
    /// <returns>True when it starts with <c>$JS.ACK.</c>.</returns>
    public static bool IsAckSubject(string? subject) => subject is not null && subject.StartsWith(Prefix, StringComparison.Ordinal);

    private static bool TryParseCore(string subject, out AckMetadata metadata, out string error)
    {
        metadata = null!;
        if (!IsAckSubject(subject))
        {
            error = $"'{subject}' is not a JetStream ack subject: it does not start with '{Prefix}'.";
            return false;
        }

        Span<Range> ranges = stackalloc Range[16];
        var span = subject.AsSpan();
        var count = span.Split(ranges, '.');
        if (count == ranges.Length)
        {
            // Split puts the unsplit remainder in the last range; more tokens than any known form means malformed.
            count = span.Count('.') + 1;
        }

        int first;
        string? domain = null;
        if (count == V1TokenCount)
        {
            first = 2;
        }
        else if (count >= V2MinTokenCount && count <= ranges.Length)
        {
            first = 4;
            var domainToken = span[ranges[2]];
            domain = domainToken.IsEmpty || domainToken.SequenceEqual(NoDomainToken) ? null : domainToken.ToString();
        }
        else
        {
            error = $"JetStream ack subject '{subject}' has {count} tokens; expected 9 " +
                    "($JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<timestamp>.<pending>) " +
                    "or 11 to 16 ($JS.ACK.<domain>.<account hash>.<stream>... with an optional trailing token).";
            return false;
        }

        for (var i = 0; i < 7; i++)
        {
            if (span[ranges[first + i]].IsEmpty)
            {
                error = $"JetStream ack subject '{subject}' has an empty {FieldNames[i]} (token {first + i + 1}).";
                return false;
            }
        }

        Span<ulong> numbers = stackalloc ulong[5];
        for (var i = 0; i < 5; i++)
        {
            var token = span[ranges[first + 2 + i]];
            if (!ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                error = $"JetStream ack subject '{subject}' has a {FieldNames[2 + i]} '{token}' (token {first + 3 + i}) that is not an unsigned integer.";
                return false;
            }
        }

        if (numbers[3] > long.MaxValue)
        {
            error = $"JetStream ack subject '{subject}' has a timestamp '{numbers[3]}' beyond the representable range.";
            return false;
        }

        var timestamp = DateTimeOffset.UnixEpoch.AddTicks((long)numbers[3] / 100);
        metadata = new AckMetadata(
            span[ranges[first]].ToString(),
            span[ranges[first + 1]].ToString(),
            numbers[0],
            numbers[1],
            numbers[2],
            timestamp,
            numbers[4],
            domain);
        error = "";
        return true;
    }
}
