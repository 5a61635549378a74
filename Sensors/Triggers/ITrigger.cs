namespace ArgoEvents.Sensors.Triggers;

/// <summary>
/// One configured trigger of a running sensor, as Argo's trigger interface has it: fetch the resource, apply the
/// resource parameters, execute, apply the policy. The runtime owns retries, rate limiting, acks and the DLQ trigger.
/// </summary>
public interface ITrigger : IAsyncDisposable
{
    /// <summary>
    /// Fires the trigger once for the events that satisfied its conditions. Returns when the target accepted the
    /// action and the trigger's policy holds.
    /// </summary>
    /// <exception cref="TriggerExecutionException">The action failed or its policy did not hold; the runtime may retry.</exception>
    ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken);
}
