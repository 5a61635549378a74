namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SlackSender</c>: the name and icon the message is posted under.</summary>
public sealed record SlackSender
{
    /// <summary><c>username</c>.</summary>
    [ManifestField("username")]
    public string? Username { get; init; }

    /// <summary><c>icon</c>: an emoji such as <c>:robot_face:</c> or an image URL.</summary>
    [ManifestField("icon")]
    public string? Icon { get; init; }
}
