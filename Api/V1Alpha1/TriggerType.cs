namespace ArgoEvents.Api.V1Alpha1;

/// <summary>What a trigger template does: the one trigger type it defines.</summary>
public enum TriggerType
{
    /// <summary><c>k8s</c>: a Kubernetes object.</summary>
    Kubernetes,

    /// <summary><c>argoWorkflow</c>: an Argo Workflow.</summary>
    ArgoWorkflow,

    /// <summary><c>http</c>: an HTTP request.</summary>
    Http,

    /// <summary><c>awsLambda</c>: an AWS Lambda invocation.</summary>
    AwsLambda,

    /// <summary><c>custom</c>: a gRPC trigger server.</summary>
    Custom,

    /// <summary><c>kafka</c>: a Kafka message.</summary>
    Kafka,

    /// <summary><c>nats</c>: a NATS message.</summary>
    Nats,

    /// <summary><c>slack</c>: a Slack message.</summary>
    Slack,

    /// <summary><c>openWhisk</c>: an OpenWhisk action.</summary>
    OpenWhisk,

    /// <summary><c>log</c>: a log line.</summary>
    Log,

    /// <summary><c>azureEventHubs</c>: an Azure Event Hubs event.</summary>
    AzureEventHubs,

    /// <summary><c>pulsar</c>: a Pulsar message.</summary>
    Pulsar,

    /// <summary><c>azureServiceBus</c>: an Azure Service Bus message.</summary>
    AzureServiceBus,

    /// <summary><c>email</c>: an email.</summary>
    Email,
}
