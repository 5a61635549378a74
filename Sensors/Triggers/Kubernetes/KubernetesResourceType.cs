namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>
/// A kind as the API server serves it, found through discovery: its group, version, plural resource name and whether
/// its objects live in a namespace.
/// </summary>
/// <param name="Group">The API group; empty for the core group (<c>v1</c>).</param>
/// <param name="Version">The API version within the group.</param>
/// <param name="Plural">The resource name in REST paths, e.g. <c>deployments</c>.</param>
/// <param name="Kind">The object kind, e.g. <c>Deployment</c>.</param>
/// <param name="Namespaced">Whether objects of the kind belong to a namespace.</param>
internal sealed record KubernetesResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>The <c>apiVersion</c> of the kind's objects.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The REST path of the kind's objects in <paramref name="namespace"/> (ignored for cluster-scoped kinds).</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";
        return Namespaced
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace ?? string.Empty)}/{Plural}"
            : $"{root}/{Plural}";
    }

    /// <summary>The REST path of one object.</summary>
    public string ObjectPath(string? @namespace, string name) => $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";

    /// <summary>For messages: <c>deployments.apps/v1</c>.</summary>
    public override string ToString() => Group.Length == 0 ? $"{Plural}/{Version}" : $"{Plural}.{Group}/{Version}";
}
