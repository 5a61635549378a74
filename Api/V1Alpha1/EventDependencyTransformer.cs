namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>EventDependencyTransformer</c>: a jq command or a Lua script that rewrites the event data.</summary>
public sealed record EventDependencyTransformer
{
    /// <summary><c>jq</c>: a jq command; it wins over <see cref="Script"/>.</summary>
    [ManifestField("jq")]
    public string? Jq { get; init; }

    /// <summary><c>script</c>: a Lua script returning the new data.</summary>
    [ManifestField("script")]
    public string? Script { get; init; }
}
