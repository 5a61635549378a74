namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AWSMSKIAMConfig</c>: SASL/OAUTHBEARER to Amazon MSK with IAM credentials.</summary>
public sealed record AwsMskIamConfig
{
    /// <summary><c>region</c>: the AWS region of the MSK cluster.</summary>
    [ManifestField("region")]
    public string? Region { get; init; }
}
