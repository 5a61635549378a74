using System.Diagnostics;
using System.Text;

namespace ArgoEvents.Bench.Sensors;

/// <summary>
/// Collects publish-to-trigger latencies: the publisher stamps each event with <see cref="Stopwatch.GetTimestamp"/>
/// as field <c>sent</c> (the same process reads it back, so the clocks agree), the receiver subtracts it from now.
/// </summary>
public sealed class LatencyRecorder
{
    private static readonly byte[] SentKey = "\"sent\":"u8.ToArray();

    private readonly Lock _gate = new();
    private readonly List<double> _millis = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _millis.Count;
            }
        }
    }

    /// <summary>Event data or a request body carrying <c>"sent": &lt;ticks&gt;</c> (a number or a string of digits).</summary>
    public void AddFromData(string data) => Add(Encoding.UTF8.GetBytes(data));

    public void Add(ReadOnlySpan<byte> json)
    {
        var now = Stopwatch.GetTimestamp();
        var at = json.IndexOf(SentKey);
        if (at < 0)
        {
            throw new InvalidOperationException($"the received data carries no \"sent\" stamp: {Encoding.UTF8.GetString(json)}");
        }

        var rest = json[(at + SentKey.Length)..].TrimStart(" \""u8);
        long sent = 0;
        var digits = 0;
        while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9')
        {
            sent = (sent * 10) + (rest[digits] - '0');
            digits++;
        }

        if (digits == 0)
        {
            throw new InvalidOperationException($"the \"sent\" stamp is not a number: {Encoding.UTF8.GetString(json)}");
        }

        var millis = Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds;
        lock (_gate)
        {
            _millis.Add(millis);
        }
    }

    public List<double> Snapshot()
    {
        lock (_gate)
        {
            return [.. _millis];
        }
    }
}
