namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AzureEventHubsTrigger</c>: send an event to an Azure Event Hub.</summary>
public sealed record AzureEventHubsTrigger
{
    /// <summary><c>fqdn</c>: the namespace host, <c>&lt;namespace&gt;.servicebus.windows.net</c>.</summary>
    [ManifestField("fqdn")]
    public string? Fqdn { get; init; }

    /// <summary><c>hubName</c>.</summary>
    [ManifestField("hubName")]
    public string? HubName { get; init; }

    /// <summary><c>sharedAccessKeyName</c>: the name of the shared access key.</summary>
    [ManifestField("sharedAccessKeyName")]
    public SecretKeySelector? SharedAccessKeyName { get; init; }

    /// <summary><c>sharedAccessKey</c>: the shared access key.</summary>
    [ManifestField("sharedAccessKey")]
    public SecretKeySelector? SharedAccessKey { get; init; }

    /// <summary><c>payload</c>: how the event body is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];
}
