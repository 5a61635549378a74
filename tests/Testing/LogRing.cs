namespace ArgoEvents.Testing;

/// <summary>
/// Keeps the last lines a child process printed, so a failing test can show what the server said
/// without the test host buffering a whole log.
/// </summary>
public sealed class LogRing
{
    private readonly Queue<string> _lines;
    private readonly Lock _gate = new();

    /// <summary>Creates a ring that keeps the newest <paramref name="capacity"/> lines.</summary>
    public LogRing(int capacity = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _lines = new Queue<string>(capacity);
    }

    /// <summary>How many lines the ring keeps.</summary>
    public int Capacity { get; }

    /// <summary>Appends a line, dropping the oldest one when full.</summary>
    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    /// <summary>A copy of the kept lines, oldest first.</summary>
    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    /// <summary>
    /// Waits until a kept line satisfies <paramref name="match"/>; false when none did within <paramref name="within"/>.
    /// A process writes its log on its own schedule, so a line about something the test just did may come a little later.
    /// </summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> match, TimeSpan within, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + within;
        while (!Snapshot().Any(match))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The newest <paramref name="count"/> lines joined with newlines, each indented for error messages.</summary>
    public string Tail(int count)
    {
        var lines = Snapshot();
        var tail = lines.Skip(Math.Max(0, lines.Count - count));
        return string.Join(Environment.NewLine, tail.Select(l => "    " + l));
    }
}
