namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AWSLambdaTrigger</c>: invoke an AWS Lambda function with a payload built from events.</summary>
public sealed record AwsLambdaTrigger
{
    /// <summary><c>functionName</c>.</summary>
    [ManifestField("functionName")]
    public string? FunctionName { get; init; }

    /// <summary><c>accessKey</c>: the AWS access key.</summary>
    [ManifestField("accessKey")]
    public SecretKeySelector? AccessKey { get; init; }

    /// <summary><c>secretKey</c>: the AWS secret key.</summary>
    [ManifestField("secretKey")]
    public SecretKeySelector? SecretKey { get; init; }

    /// <summary><c>region</c>: the AWS region.</summary>
    [ManifestField("region")]
    public string? Region { get; init; }

    /// <summary><c>payload</c>: how the invocation payload is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>invocationType</c>: <c>RequestResponse</c> (default), <c>Event</c> or <c>DryRun</c>.</summary>
    [ManifestField("invocationType")]
    public string? InvocationType { get; init; }

    /// <summary><c>roleARN</c>: a role to assume.</summary>
    [ManifestField("roleARN")]
    public string? RoleArn { get; init; }
}
