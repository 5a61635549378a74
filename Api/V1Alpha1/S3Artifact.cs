namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>S3Artifact</c>, used as the minio event source: bucket notifications from MinIO or S3.</summary>
public sealed record S3Artifact : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Minio;

    /// <summary><c>endpoint</c>: the S3 endpoint.</summary>
    [ManifestField("endpoint")]
    public string? Endpoint { get; init; }

    /// <summary><c>bucket</c>: the bucket.</summary>
    [ManifestField("bucket")]
    public S3Bucket? Bucket { get; init; }

    /// <summary><c>region</c>: the region.</summary>
    [ManifestField("region")]
    public string? Region { get; init; }

    /// <summary><c>insecure</c>: connect without TLS.</summary>
    [ManifestField("insecure")]
    public bool Insecure { get; init; }

    /// <summary><c>accessKey</c>: the access key.</summary>
    [ManifestField("accessKey")]
    public SecretKeySelector? AccessKey { get; init; }

    /// <summary><c>secretKey</c>: the secret key.</summary>
    [ManifestField("secretKey")]
    public SecretKeySelector? SecretKey { get; init; }

    /// <summary><c>events</c>: the notifications subscribed to, such as <c>s3:ObjectCreated:Put</c>.</summary>
    [ManifestField("events")]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary><c>filter</c>: object key prefix and suffix.</summary>
    [ManifestField("filter")]
    public S3Filter? Filter { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>caCertificate</c>: the CA certificate of the endpoint.</summary>
    [ManifestField("caCertificate")]
    public SecretKeySelector? CaCertificate { get; init; }
}
