namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>PayloadField</c>: a name bound to the value at a gjson path of the event data.</summary>
public sealed record PayloadField
{
    /// <summary><c>path</c>: the gjson path.</summary>
    [ManifestField("path")]
    public string? Path { get; init; }

    /// <summary><c>name</c>: the name the expression uses.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }
}
