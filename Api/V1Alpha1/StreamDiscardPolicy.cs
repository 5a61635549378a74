namespace ArgoEvents.Api.V1Alpha1;

/// <summary>What JetStream does when a stream limit is reached, as <c>streamConfig.discard</c> numbers it.</summary>
public enum StreamDiscardPolicy
{
    /// <summary>0: drop the oldest messages.</summary>
    Old = 0,

    /// <summary>1: refuse new messages.</summary>
    New = 1,
}
