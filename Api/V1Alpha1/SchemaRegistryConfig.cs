namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SchemaRegistryConfig</c>: where Avro schemas of Kafka messages are looked up.</summary>
public sealed record SchemaRegistryConfig
{
    /// <summary><c>url</c>: the schema registry.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>schemaId</c>: the schema to use.</summary>
    [ManifestField("schemaId")]
    public int? SchemaId { get; init; }

    /// <summary><c>auth</c>: credentials for the registry.</summary>
    [ManifestField("auth")]
    public BasicAuth? Auth { get; init; }
}
