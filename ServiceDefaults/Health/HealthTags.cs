namespace ArgoEvents.ServiceDefaults.Health;

/// <summary>Tags that put a health check behind <c>/healthz</c> or <c>/readyz</c>.</summary>
public static class HealthTags
{
    /// <summary>Checks that decide liveness (<c>/healthz</c>): failing means the process should be restarted.</summary>
    public const string Live = "live";

    /// <summary>Checks that decide readiness (<c>/readyz</c>): failing means the service should get no traffic.</summary>
    public const string Ready = "ready";
}
