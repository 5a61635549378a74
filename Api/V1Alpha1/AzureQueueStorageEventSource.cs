namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AzureQueueStorageEventSource</c>: messages from an Azure Storage queue.</summary>
public sealed record AzureQueueStorageEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.AzureQueueStorage;

    /// <summary><c>storageAccountName</c>: the storage account, for Azure AD access.</summary>
    [ManifestField("storageAccountName")]
    public string? StorageAccountName { get; init; }

    /// <summary><c>connectionString</c>: the connection string (instead of Azure AD).</summary>
    [ManifestField("connectionString")]
    public SecretKeySelector? ConnectionString { get; init; }

    /// <summary><c>queueName</c>: the queue.</summary>
    [ManifestField("queueName")]
    public string? QueueName { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>dlq</c>: leave unprocessable messages for the dead-letter queue instead of deleting them.</summary>
    [ManifestField("dlq")]
    public bool Dlq { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>decodeMessage</c>: base64-decode messages before use.</summary>
    [ManifestField("decodeMessage")]
    public bool DecodeMessage { get; init; }

    /// <summary><c>waitTimeInSeconds</c>: pause after an empty read, in seconds (default 3).</summary>
    [ManifestField("waitTimeInSeconds")]
    public int? WaitTimeInSeconds { get; init; }
}
