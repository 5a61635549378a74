namespace ArgoEvents.EventBus.JetStream;

/// <summary>How a <see cref="MessageWaiter"/> wait ended.</summary>
internal enum WaitOutcome
{
    /// <summary>A message can be read.</summary>
    MessageReady,

    /// <summary>Nothing arrived within the deadline.</summary>
    TimedOut,

    /// <summary>Another thread asked the loop to act (e.g. after a reconnect).</summary>
    Signaled,

    /// <summary>The subscription ended.</summary>
    Closed,
}
