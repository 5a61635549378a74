using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// A <c>coordination.k8s.io/v1</c> Lease as the API server returned it. Changes copy the whole object and touch only
/// the spec, so a PUT sends back every field (labels, owner references, ...) it did not mean to change, together
/// with <c>metadata.resourceVersion</c> for optimistic concurrency.
/// </summary>
internal sealed class KubernetesLease
{
    private readonly JsonObject _object;

    private KubernetesLease(JsonObject lease, string resourceVersion)
    {
        _object = lease;
        ResourceVersion = resourceVersion;
        var spec = lease["spec"] as JsonObject;
        HolderIdentity = ReadString(spec, "holderIdentity");
        LeaseDurationSeconds = ReadInt(spec, "leaseDurationSeconds");
        AcquireTime = KubernetesMicroTime.Parse(ReadString(spec, "acquireTime"));
        RenewTime = KubernetesMicroTime.Parse(ReadString(spec, "renewTime"));
        LeaseTransitions = ReadInt(spec, "leaseTransitions") ?? 0;
    }

    /// <summary>The version the next write must name.</summary>
    public string ResourceVersion { get; }

    /// <summary>The holder; null or empty when released.</summary>
    public string? HolderIdentity { get; }

    /// <summary>The holder's announced lease duration.</summary>
    public int? LeaseDurationSeconds { get; }

    /// <summary>When the holder's term began.</summary>
    public DateTimeOffset? AcquireTime { get; }

    /// <summary>When the holder last renewed, by its clock.</summary>
    public DateTimeOffset? RenewTime { get; }

    /// <summary>How many times the lease changed hands.</summary>
    public int LeaseTransitions { get; }

    /// <summary>True when nobody holds the lease.</summary>
    public bool IsReleased => string.IsNullOrEmpty(HolderIdentity);

    /// <summary>Reads an API server answer.</summary>
    /// <exception cref="KubernetesApiException">The body is not a Lease with a resourceVersion.</exception>
    public static KubernetesLease Parse(string json, string source)
    {
        JsonObject? lease;
        try
        {
            lease = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException e)
        {
            throw new KubernetesApiException(null, $"{source} answered with invalid JSON: {e.Message}");
        }

        var version = ReadString(lease?["metadata"] as JsonObject, "resourceVersion");
        if (lease is null || string.IsNullOrEmpty(version))
        {
            throw new KubernetesApiException(null, $"{source} answered with something that is not a Lease with metadata.resourceVersion.");
        }

        return new KubernetesLease(lease, version);
    }

    /// <summary>The body of a POST creating the lease, held by <paramref name="holder"/>.</summary>
    public static string NewJson(string @namespace, string name, string holder, int leaseDurationSeconds, DateTimeOffset now)
    {
        var lease = new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
        };
        WriteSpec(lease, holder, leaseDurationSeconds, now, now, 0);
        return lease.ToJsonString();
    }

    /// <summary>The body of a PUT that makes <paramref name="holder"/> the holder (a new term unless it already was).</summary>
    public string ClaimJson(string holder, int leaseDurationSeconds, DateTimeOffset now)
    {
        var sameHolder = string.Equals(HolderIdentity, holder, StringComparison.Ordinal);
        var transitions = sameHolder ? LeaseTransitions : LeaseTransitions + 1;
        var acquired = sameHolder ? AcquireTime ?? now : now;
        return WithSpec(holder, leaseDurationSeconds, acquired, now, transitions);
    }

    /// <summary>The body of a PUT that renews the current holder's term.</summary>
    public string RenewJson(DateTimeOffset now) =>
        WithSpec(HolderIdentity ?? "", LeaseDurationSeconds ?? 1, AcquireTime ?? now, now, LeaseTransitions);

    /// <summary>The body of a PUT that releases the lease: no holder and a one-second duration, so candidates take it at once.</summary>
    public string ReleaseJson(DateTimeOffset now) => WithSpec("", 1, now, now, LeaseTransitions);

    private string WithSpec(string holder, int leaseDurationSeconds, DateTimeOffset acquired, DateTimeOffset renewed, int transitions)
    {
        var copy = (JsonObject)_object.DeepClone();
        WriteSpec(copy, holder, leaseDurationSeconds, acquired, renewed, transitions);
        return copy.ToJsonString();
    }

    private static void WriteSpec(JsonObject lease, string holder, int leaseDurationSeconds, DateTimeOffset acquired, DateTimeOffset renewed, int transitions)
    {
        if (lease["spec"] is not JsonObject spec)
        {
            spec = [];
            lease["spec"] = spec;
        }

        spec["holderIdentity"] = holder;
        spec["leaseDurationSeconds"] = leaseDurationSeconds;
        spec["acquireTime"] = KubernetesMicroTime.Format(acquired);
        spec["renewTime"] = KubernetesMicroTime.Format(renewed);
        spec["leaseTransitions"] = transitions;
    }

    private static string? ReadString(JsonObject? parent, string name) =>
        parent?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? ReadInt(JsonObject? parent, string name)
    {
        if (parent?[name] is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var number))
        {
            return number;
        }

        return value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) ? number : null;
    }
}
