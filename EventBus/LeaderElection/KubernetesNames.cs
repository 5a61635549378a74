namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Kubernetes object-name rules (RFC 1123 labels and DNS subdomains).</summary>
internal static class KubernetesNames
{
    /// <summary>A DNS label: 1–63 lower-case letters, digits and '-', starting and ending alphanumeric (namespaces).</summary>
    public static bool IsValidLabel(string? name) =>
        name is { Length: > 0 and <= 63 } && IsAlphanumeric(name[0]) && IsAlphanumeric(name[^1])
        && name.All(c => IsAlphanumeric(c) || c == '-');

    /// <summary>A DNS subdomain: up to 253 characters of dot-separated labels (Lease names).</summary>
    public static bool IsValidSubdomain(string? name) =>
        name is { Length: > 0 and <= 253 } && IsAlphanumeric(name[0]) && IsAlphanumeric(name[^1])
        && name.All(c => IsAlphanumeric(c) || c is '-' or '.');

    private static bool IsAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
