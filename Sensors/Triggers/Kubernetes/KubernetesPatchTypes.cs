namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>The <c>patchStrategy</c> values a k8s trigger can send: the patch's content type.</summary>
internal static class KubernetesPatchTypes
{
    /// <summary>JSON merge patch (RFC 7386), Argo's default.</summary>
    public const string Merge = "application/merge-patch+json";

    /// <summary>Kubernetes strategic merge patch (built-in kinds only).</summary>
    public const string StrategicMerge = "application/strategic-merge-patch+json";

    /// <summary>JSON patch (RFC 6902): a list of operations.</summary>
    public const string Json = "application/json-patch+json";

    /// <summary>Server-side apply.</summary>
    public const string Apply = "application/apply-patch+yaml";

    /// <summary>Checks <paramref name="patchStrategy"/>; returns the content type to send.</summary>
    /// <exception cref="TriggerConfigurationException">The strategy cannot work with a trigger's object.</exception>
    public static string Check(string? patchStrategy, string fieldPath)
    {
        switch (patchStrategy)
        {
            case null or "":
                return Merge;
            case Merge or StrategicMerge:
                return patchStrategy;
            case Json:
                // Argo sends the trigger's object as the patch body, and the object is always a JSON object, while a
                // JSON patch must be an array of operations: the API server refuses every such request.
                throw new TriggerConfigurationException(
                    $"{fieldPath} '{Json}' cannot work: the patch body is the trigger's object, a JSON object, but a JSON patch must be an array of operations. Use '{Merge}' (the default) or '{StrategicMerge}'.");
            case Apply:
                throw new TriggerConfigurationException(
                    $"{fieldPath} '{Apply}' (server-side apply) is not supported: it needs a field manager the trigger has no setting for. Use '{Merge}' (the default) or '{StrategicMerge}'.");
            default:
                throw new TriggerConfigurationException(
                    $"{fieldPath} '{patchStrategy}' is not a Kubernetes patch type; use '{Merge}' (the default) or '{StrategicMerge}'.");
        }
    }
}
