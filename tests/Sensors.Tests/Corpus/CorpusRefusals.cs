namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// The corpus documents this build refuses, each with the field the refusal must name and a fragment of the reason
/// (the unsupported feature). A document refused for another reason, or newly refused, fails the compile test.
/// </summary>
internal static class CorpusRefusals
{
    private const string NoS3 = "reading trigger sources from S3 is not supported";
    private const string NoGit = "reading trigger sources from Git is not supported";

    public static IReadOnlyDictionary<string, (string Field, string Fragment)> Expected { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["extra/tutorials/03-trigger-sources-sensor-git.yaml"] = ("spec.triggers[0].template.k8s.source.git", NoGit),
        ["extra/tutorials/03-trigger-sources-sensor-minio.yaml"] = ("spec.triggers[0].template.k8s.source.s3", NoS3),
        ["extra/tutorials/10-aws-lambda-trigger-sensor.yaml"] = ("spec.triggers[0].template.awsLambda", "the awsLambda trigger is not supported by this build"),
        ["sensors/aws-lambda-trigger.yaml"] = ("spec.triggers[0].template.awsLambda", "the awsLambda trigger is not supported by this build"),
        ["sensors/azure-event-hubs-sensor.yaml"] = ("spec.triggers[0].template.azureEventHubs", "the azureEventHubs trigger is not supported by this build"),
        ["sensors/azure-service-bus-sensor.yaml"] = ("spec.triggers[0].template.azureServiceBus", "the azureServiceBus trigger is not supported by this build"),
        ["sensors/complete-trigger-parameterization.yaml"] = ("spec.triggers[0].template.k8s.source.s3", NoS3),
        ["sensors/context-filter-webhook.yaml"] = ("spec.triggers[0].template.k8s.source.s3", NoS3),
        ["sensors/custom-trigger.yaml"] = ("spec.triggers[0].template.custom", "the custom trigger is not supported by this build"),
        ["sensors/multi-trigger-sensor.yaml"] = ("spec.triggers[0].template.k8s.source.s3", NoS3),
        ["sensors/special-workflow-trigger.yaml"] = ("spec.triggers[0].template.argoWorkflow.args", "extra arguments of the argo CLI"),
        ["sensors/trigger-source-git.yaml"] = ("spec.triggers[2].template.k8s.source.git", NoGit),
    };
}
