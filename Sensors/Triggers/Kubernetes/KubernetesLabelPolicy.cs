using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>
/// Argo's <c>policy.k8s</c>: after the action, read the object again until it carries every label of the policy,
/// pacing the reads with the policy's backoff. Running out of attempts fails the trigger only when
/// <c>errorOnBackoffTimeout</c> says so; a failed read always fails it.
/// </summary>
internal static class KubernetesLabelPolicy
{
    /// <summary>Waits for the labels of <paramref name="policy"/> on the object <paramref name="read"/> returns.</summary>
    /// <param name="policy">The policy; nothing is done when it names no labels.</param>
    /// <param name="read">Reads the object; null when it is gone.</param>
    /// <param name="description">The object, for messages.</param>
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="TriggerExecutionException">A read failed, or the labels never appeared and the policy says to fail.</exception>
    public static async Task ApplyAsync(
        K8sResourcePolicy? policy,
        Func<CancellationToken, Task<JsonObject?>> read,
        string description,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (policy is null || policy.Labels.Count == 0)
        {
            return;
        }

        var backoff = PolicyBackoff.From(policy.Backoff);
        using var waits = backoff.Waits(Random.Shared).GetEnumerator();
        while (true)
        {
            var current = await read(cancellationToken).ConfigureAwait(false)
                ?? throw new TriggerExecutionException($"policy.k8s: {description} no longer exists while waiting for its labels {Describe(policy.Labels)}.");
            if (Carries(current, policy.Labels))
            {
                return;
            }

            if (!waits.MoveNext())
            {
                break;
            }

            await Task.Delay(waits.Current, time, cancellationToken).ConfigureAwait(false);
        }

        if (policy.ErrorOnBackoffTimeout)
        {
            throw new TriggerExecutionException(
                $"policy.k8s: {description} did not carry the labels {Describe(policy.Labels)} after {backoff.Steps} reads, and errorOnBackoffTimeout is true: the trigger failed.");
        }
    }

    private static bool Carries(JsonObject resource, IReadOnlyDictionary<string, string> wanted)
    {
        if (resource["metadata"] is not JsonObject metadata || metadata["labels"] is not JsonObject labels)
        {
            return false;
        }

        foreach (var (key, value) in wanted)
        {
            if (labels[key] is not JsonValue label || label.GetValueKind() != JsonValueKind.String || label.GetValue<string>() != value)
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(IReadOnlyDictionary<string, string> labels) =>
        string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}"));
}
