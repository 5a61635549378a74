namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// A source that watches or pulls (calendar, file, nats, queues): it runs until its token is cancelled — when the
/// service stops or, for an active-passive type, when this replica loses leadership — and may be started again.
/// </summary>
public interface IActiveSource
{
    /// <summary>The event's name in the spec.</summary>
    string EventName { get; }

    /// <summary>Runs until cancelled; throws only for a failure that retrying cannot mend.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
