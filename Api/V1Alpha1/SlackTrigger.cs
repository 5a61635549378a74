namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SlackTrigger</c>: post a Slack message.</summary>
public sealed record SlackTrigger
{
    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>slackToken</c>: the bot token.</summary>
    [ManifestField("slackToken")]
    public SecretKeySelector? SlackToken { get; init; }

    /// <summary><c>channel</c>.</summary>
    [ManifestField("channel")]
    public string? Channel { get; init; }

    /// <summary><c>message</c>.</summary>
    [ManifestField("message")]
    public string? Message { get; init; }

    /// <summary><c>attachments</c>: a JSON array of Slack attachments, as text.</summary>
    [ManifestField("attachments")]
    public string? Attachments { get; init; }

    /// <summary><c>blocks</c>: a JSON array of Slack blocks, as text.</summary>
    [ManifestField("blocks")]
    public string? Blocks { get; init; }

    /// <summary><c>thread</c>: post into a thread.</summary>
    [ManifestField("thread")]
    public SlackThread? Thread { get; init; }

    /// <summary><c>sender</c>: how the sending app appears.</summary>
    [ManifestField("sender")]
    public SlackSender? Sender { get; init; }
}
