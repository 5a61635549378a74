namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>EmailTrigger</c>: send an email over SMTP.</summary>
public sealed record EmailTrigger
{
    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>username</c>: the SMTP user.</summary>
    [ManifestField("username")]
    public string? Username { get; init; }

    /// <summary><c>smtpPassword</c>: the SMTP password.</summary>
    [ManifestField("smtpPassword")]
    public SecretKeySelector? SmtpPassword { get; init; }

    /// <summary><c>host</c>: the SMTP server.</summary>
    [ManifestField("host")]
    public string? Host { get; init; }

    /// <summary><c>port</c>: the SMTP port.</summary>
    [ManifestField("port")]
    public int? Port { get; init; }

    /// <summary><c>to</c>: the recipients.</summary>
    [ManifestField("to")]
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary><c>from</c>: the sender.</summary>
    [ManifestField("from")]
    public string? From { get; init; }

    /// <summary><c>subject</c>.</summary>
    [ManifestField("subject")]
    public string? Subject { get; init; }

    /// <summary><c>body</c>.</summary>
    [ManifestField("body")]
    public string? Body { get; init; }
}
