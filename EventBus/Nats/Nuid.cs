using System.Security.Cryptography;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// Unique 22-character identifiers for inboxes: a random 12-character prefix and a 10-character sequence,
/// both base 62. The prefix is renewed when the sequence runs out, so ids never repeat within a process.
/// </summary>
internal sealed class Nuid
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int PrefixLength = 12;
    private const int SequenceLength = 10;
    private const long MaxSequence = 839_299_365_868_340_224L; // 62^10
    private readonly Lock _gate = new();
    private readonly char[] _prefix = new char[PrefixLength];
    private long _sequence;
    private long _increment;

    public Nuid() => Reset();

    /// <summary>Total length of an id.</summary>
    public const int Length = PrefixLength + SequenceLength;

    /// <summary>A process-wide instance.</summary>
    public static Nuid Shared { get; } = new();

    public string Next()
    {
        Span<char> buffer = stackalloc char[Length];
        Next(buffer);
        return new string(buffer);
    }

    public void Next(Span<char> destination)
    {
        long sequence;
        lock (_gate)
        {
            _sequence += _increment;
            if (_sequence >= MaxSequence)
            {
                Reset();
            }

            sequence = _sequence;
            _prefix.CopyTo(destination);
        }

        for (var i = Length - 1; i >= PrefixLength; i--)
        {
            destination[i] = Digits[(int)(sequence % 62)];
            sequence /= 62;
        }
    }

    private void Reset()
    {
        for (var i = 0; i < PrefixLength; i++)
        {
            _prefix[i] = Digits[RandomNumberGenerator.GetInt32(62)];
        }

        _sequence = RandomNumberGenerator.GetInt32(int.MaxValue) * 1000L;
        _increment = 33 + RandomNumberGenerator.GetInt32(300);
    }
}
