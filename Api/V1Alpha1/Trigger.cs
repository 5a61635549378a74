namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>Trigger</c>: a trigger template and how it is executed (parameters, policy, retries, rate).</summary>
public sealed record Trigger
{
    /// <summary><c>template</c>: what the trigger does.</summary>
    [ManifestField("template")]
    public TriggerTemplate? Template { get; init; }

    /// <summary><c>parameters</c>: values from events written into the template itself.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>policy</c>: how success is decided.</summary>
    [ManifestField("policy")]
    public TriggerPolicy? Policy { get; init; }

    /// <summary><c>retryStrategy</c>: retries of a failed execution (default none).</summary>
    [ManifestField("retryStrategy")]
    public Backoff? RetryStrategy { get; init; }

    /// <summary><c>rateLimit</c>: the most executions per unit of time.</summary>
    [ManifestField("rateLimit")]
    public RateLimit? RateLimit { get; init; }

    /// <summary><c>atLeastOnce</c>: acknowledge events only after the trigger succeeded or gave up.</summary>
    [ManifestField("atLeastOnce")]
    public bool AtLeastOnce { get; init; }

    /// <summary><c>dlqTrigger</c>: fired when retries are exhausted (needs <see cref="AtLeastOnce"/>).</summary>
    [ManifestField("dlqTrigger")]
    public Trigger? DlqTrigger { get; init; }
}
