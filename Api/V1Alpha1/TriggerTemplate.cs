namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>TriggerTemplate</c>: the trigger's name, the conditions over dependencies that fire it, and exactly one
/// trigger type (<c>k8s</c>, <c>http</c>, <c>log</c>, ...).
/// </summary>
public sealed record TriggerTemplate
{
    /// <summary><c>name</c>: unique among the sensor's triggers.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>conditions</c>: dependency names joined with <c>&amp;&amp;</c>, <c>||</c> and parentheses; all dependencies ANDed when empty.</summary>
    [ManifestField("conditions")]
    public string? Conditions { get; init; }

    /// <summary><c>k8s</c>.</summary>
    [ManifestField("k8s")]
    public StandardK8sTrigger? K8s { get; init; }

    /// <summary><c>argoWorkflow</c>.</summary>
    [ManifestField("argoWorkflow")]
    public ArgoWorkflowTrigger? ArgoWorkflow { get; init; }

    /// <summary><c>http</c>.</summary>
    [ManifestField("http")]
    public HttpTrigger? Http { get; init; }

    /// <summary><c>awsLambda</c>.</summary>
    [ManifestField("awsLambda")]
    public AwsLambdaTrigger? AwsLambda { get; init; }

    /// <summary><c>custom</c>.</summary>
    [ManifestField("custom")]
    public CustomTrigger? Custom { get; init; }

    /// <summary><c>kafka</c>.</summary>
    [ManifestField("kafka")]
    public KafkaTrigger? Kafka { get; init; }

    /// <summary><c>nats</c>.</summary>
    [ManifestField("nats")]
    public NatsTrigger? Nats { get; init; }

    /// <summary><c>slack</c>.</summary>
    [ManifestField("slack")]
    public SlackTrigger? Slack { get; init; }

    /// <summary><c>openWhisk</c>.</summary>
    [ManifestField("openWhisk")]
    public OpenWhiskTrigger? OpenWhisk { get; init; }

    /// <summary>
    /// <c>openwhisk</c>: the lower-case spelling Argo's <c>trigger-openwhisk</c> example writes, which Go's
    /// case-insensitive JSON decoding reads as <c>openWhisk</c>; kept apart so it is written back as it was read.
    /// </summary>
    [ManifestField("openwhisk")]
    public OpenWhiskTrigger? LowercaseOpenWhisk { get; init; }

    /// <summary><c>log</c>.</summary>
    [ManifestField("log")]
    public LogTrigger? Log { get; init; }

    /// <summary><c>azureEventHubs</c>.</summary>
    [ManifestField("azureEventHubs")]
    public AzureEventHubsTrigger? AzureEventHubs { get; init; }

    /// <summary><c>pulsar</c>.</summary>
    [ManifestField("pulsar")]
    public PulsarTrigger? Pulsar { get; init; }

    /// <summary><c>conditionsReset</c>: when partly met conditions are forgotten.</summary>
    [ManifestField("conditionsReset")]
    public IReadOnlyList<ConditionsResetCriteria> ConditionsReset { get; init; } = [];

    /// <summary><c>azureServiceBus</c>.</summary>
    [ManifestField("azureServiceBus")]
    public AzureServiceBusTrigger? AzureServiceBus { get; init; }

    /// <summary><c>email</c>.</summary>
    [ManifestField("email")]
    public EmailTrigger? Email { get; init; }

    /// <summary>
    /// <c>atLeastOnce</c> written inside the template, as some of Argo's examples do. Argo reads it only on the
    /// trigger (<see cref="Trigger.AtLeastOnce"/>) and drops it here, so it is accepted and ignored.
    /// </summary>
    [ManifestField("atLeastOnce")]
    public bool MisplacedAtLeastOnce { get; init; }

    /// <summary>
    /// <c>policy</c> written inside the template, as Argo's <c>trigger-with-policy</c> example does. Argo reads it only
    /// on the trigger (<see cref="Trigger.Policy"/>) and drops it here, so it is accepted and ignored.
    /// </summary>
    [ManifestField("policy")]
    public TriggerPolicy? MisplacedPolicy { get; init; }

    /// <summary>The openWhisk trigger under either spelling.</summary>
    public OpenWhiskTrigger? EffectiveOpenWhisk => OpenWhisk ?? LowercaseOpenWhisk;

    /// <summary>The spec keys of the trigger types written, in field order; a valid template has exactly one.</summary>
    public IReadOnlyList<string> DefinedTypeKeys => TypeSlots().Where(s => s.Value is not null).Select(s => s.Key).ToList();

    /// <summary>The trigger types written, in field order; a valid template has exactly one.</summary>
    public IReadOnlyList<TriggerType> DefinedTypes => TypeSlots().Where(s => s.Value is not null).Select(s => s.Type).ToList();

    /// <summary>The trigger type of this template, or null when it defines none or more than one.</summary>
    public TriggerType? Type => DefinedTypes is [var only] ? only : null;

    private IEnumerable<(TriggerType Type, string Key, object? Value)> TypeSlots() =>
    [
        (TriggerType.Kubernetes, "k8s", K8s),
        (TriggerType.ArgoWorkflow, "argoWorkflow", ArgoWorkflow),
        (TriggerType.Http, "http", Http),
        (TriggerType.AwsLambda, "awsLambda", AwsLambda),
        (TriggerType.Custom, "custom", Custom),
        (TriggerType.Kafka, "kafka", Kafka),
        (TriggerType.Nats, "nats", Nats),
        (TriggerType.Slack, "slack", Slack),
        (TriggerType.OpenWhisk, "openWhisk", OpenWhisk),
        (TriggerType.OpenWhisk, "openwhisk", LowercaseOpenWhisk),
        (TriggerType.Log, "log", Log),
        (TriggerType.AzureEventHubs, "azureEventHubs", AzureEventHubs),
        (TriggerType.Pulsar, "pulsar", Pulsar),
        (TriggerType.AzureServiceBus, "azureServiceBus", AzureServiceBus),
        (TriggerType.Email, "email", Email),
    ];
}
