namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>What became of one webhook request.</summary>
/// <param name="Id">The unique id in its JSON body.</param>
/// <param name="Started">When it was sent (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
/// <param name="Finished">When its answer or error came back.</param>
/// <param name="Status">The HTTP status; null when no answer came.</param>
/// <param name="Error">Why no answer came (socket error or HTTP client error); null when one did.</param>
public sealed record WebhookRequestOutcome(string Id, long Started, long Finished, int? Status, string? Error)
{
    /// <summary>Answered 2xx: the service promised the event is on the bus.</summary>
    public bool Accepted => Status is >= 200 and < 300;
}
