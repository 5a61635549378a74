namespace ArgoEvents.ServiceDefaults.Shutdown;

/// <summary>
/// The <see cref="IShutdownSignal"/> of one service. The host wires it to its lifetime; tests and tools can create
/// one directly and call <see cref="BeginShutdown"/>.
/// </summary>
public sealed class ShutdownSignal : IShutdownSignal, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private int _inFlight;
    private bool _isStopping;
    private TaskCompletionSource? _drained;

    /// <summary>Creates a signal whose in-flight work gets <paramref name="gracePeriod"/> after shutdown begins.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gracePeriod"/> is negative.</exception>
    public ShutdownSignal(TimeSpan gracePeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriod, TimeSpan.Zero);
        GracePeriod = gracePeriod;
        Stopping = _stopping.Token;
    }

    /// <inheritdoc />
    public bool IsStopping
    {
        get
        {
            lock (_gate)
            {
                return _isStopping;
            }
        }
    }

    /// <inheritdoc />
    public CancellationToken Stopping { get; }

    /// <inheritdoc />
    public TimeSpan GracePeriod { get; }

    /// <inheritdoc />
    public int InFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <inheritdoc />
    public InFlightWork? TryBeginWork()
    {
        // Checking the flag and counting under one lock means no work slips in after the drain wait saw zero.
        lock (_gate)
        {
            if (_isStopping)
            {
                return null;
            }

            _inFlight++;
        }

        return new InFlightWork(this);
    }

    /// <summary>Marks shutdown as begun: refuses new work and cancels <see cref="Stopping"/>. Idempotent.</summary>
    public void BeginShutdown()
    {
        lock (_gate)
        {
            if (_isStopping)
            {
                return;
            }

            _isStopping = true;
        }

        _stopping.Cancel();
    }

    /// <summary>Completes when no registered work is left; call after <see cref="BeginShutdown"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    public Task WaitForInFlightWorkAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        return drained.WaitAsync(cancellationToken);
    }

    /// <summary>Releases the cancellation source behind <see cref="Stopping"/>.</summary>
    public void Dispose() => _stopping.Dispose();

    internal void EndWork()
    {
        TaskCompletionSource? drained = null;
        lock (_gate)
        {
            _inFlight--;
            if (_inFlight == 0 && _drained is not null)
            {
                drained = _drained;
                _drained = null;
            }
        }

        drained?.TrySetResult();
    }
}
