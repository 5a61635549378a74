namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Why a replica stopped being the leader.</summary>
public enum LeadershipLossReason
{
    /// <summary>The campaign was stopped (resign, dispose or cancellation); the lease was released.</summary>
    Resigned,

    /// <summary>Someone else wrote the lease: a renewal lost its compare-and-set, or another holder appeared.</summary>
    TakenOver,

    /// <summary>No renewal succeeded within the renew deadline, so the leader stopped before anyone could take over.</summary>
    Fenced,

    /// <summary>The leader's work returned on its own; the lease was released.</summary>
    WorkCompleted,

    /// <summary>The leader's work threw; the lease was released.</summary>
    WorkFailed,
}
