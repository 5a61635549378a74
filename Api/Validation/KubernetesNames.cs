using System.Text.RegularExpressions;

namespace ArgoEvents.Api.Validation;

/// <summary>Kubernetes' DNS-1123 name rules, which object and namespace names must follow.</summary>
internal static partial class KubernetesNames
{
    private const int MaxLabelLength = 63;
    private const int MaxSubdomainLength = 253;

    /// <summary>
    /// Null when <paramref name="name"/> is a DNS-1123 subdomain (an object name: at most 253 lowercase letters,
    /// digits, '-' and '.', starting and ending with a letter or digit); otherwise why not.
    /// </summary>
    public static string? SubdomainProblem(string name) =>
        name.Length > MaxSubdomainLength ? $"must be at most {MaxSubdomainLength} characters (DNS-1123 subdomain), got {name.Length}"
        : Subdomain().IsMatch(name) ? null
        : $"must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit; got '{name}'";

    /// <summary>
    /// Null when <paramref name="name"/> is a DNS-1123 label (a namespace name: at most 63 lowercase letters,
    /// digits and '-', starting and ending with a letter or digit); otherwise why not.
    /// </summary>
    public static string? LabelProblem(string name) =>
        name.Length > MaxLabelLength ? $"must be at most {MaxLabelLength} characters (DNS-1123 label), got {name.Length}"
        : Label().IsMatch(name) ? null
        : $"must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit; got '{name}'";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();
}
