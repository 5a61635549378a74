namespace ArgoEvents.Api.V1Alpha1;

/// <summary>How the replicas of an EventSource share the work of one event source type.</summary>
public enum HighAvailabilityMode
{
    /// <summary>Every replica serves (webhook-like types: a load balancer spreads the requests).</summary>
    ActiveActive,

    /// <summary>Only the elected leader runs (queue, schedule and watch types, which would otherwise fire twice).</summary>
    ActivePassive,
}
