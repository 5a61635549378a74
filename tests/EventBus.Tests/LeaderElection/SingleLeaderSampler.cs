using ArgoEvents.EventBus.LeaderElection;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>
/// Samples every candidate's state every millisecond or so and counts samples that prove two leaders at once. A
/// sample reads all states twice; a candidate whose state is the very same object in both passes was in that state
/// for the whole time in between, so two such leaders overlapped. (Reading each state once could catch a handover
/// midway and report a false overlap.)
/// </summary>
internal sealed class SingleLeaderSampler : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<ILeaderElector>> _electors;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _samples;
    private int _violations;
    private string? _firstViolation;

    public SingleLeaderSampler(Func<IReadOnlyList<ILeaderElector>> electors)
    {
        _electors = electors;
        _loop = Task.Run(LoopAsync);
    }

    public int Samples => Volatile.Read(ref _samples);

    public int Violations => Volatile.Read(ref _violations);

    public string? FirstViolation => _firstViolation;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var electors = _electors();
            var first = electors.Select(e => e.State).ToArray();
            var second = electors.Select(e => e.State).ToArray();
            var leaders = Enumerable.Range(0, electors.Count)
                .Where(i => first[i].IsLeader && ReferenceEquals(first[i], second[i]))
                .Select(i => electors[i].Identity)
                .ToList();
            Interlocked.Increment(ref _samples);
            if (leaders.Count > 1)
            {
                Interlocked.Increment(ref _violations);
                _firstViolation ??= string.Join(", ", leaders);
            }

            try
            {
                await Task.Delay(1, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
