namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AzureEventsHubEventSource</c>: events from an Azure Event Hub.</summary>
public sealed record AzureEventsHubEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.AzureEventsHub;

    /// <summary><c>fqdn</c>: the Event Hubs namespace host name.</summary>
    [ManifestField("fqdn")]
    public string? Fqdn { get; init; }

    /// <summary><c>sharedAccessKeyName</c>: the SAS key name (without it and the key, Azure AD is used).</summary>
    [ManifestField("sharedAccessKeyName")]
    public SecretKeySelector? SharedAccessKeyName { get; init; }

    /// <summary><c>sharedAccessKey</c>: the SAS key.</summary>
    [ManifestField("sharedAccessKey")]
    public SecretKeySelector? SharedAccessKey { get; init; }

    /// <summary><c>hubName</c>: the event hub.</summary>
    [ManifestField("hubName")]
    public string? HubName { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
