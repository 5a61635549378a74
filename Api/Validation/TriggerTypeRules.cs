using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>The rules of each trigger type: the fields it cannot work without and the values it accepts.</summary>
internal static class TriggerTypeRules
{
    private static readonly string[] K8sOperations = ["create", "update", "patch", "delete"];
    private static readonly string[] PatchStrategies =
        ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml"];

    private static readonly string[] WorkflowOperations = ["submit", "submit-from", "suspend", "resubmit", "retry", "resume", "terminate", "stop"];
    private static readonly string[] HttpMethods = ["GET", "DELETE", "PATCH", "POST", "PUT"];

    /// <summary>
    /// Checks the trigger type of <paramref name="template"/>; <paramref name="rewrittenPaths"/> are the template
    /// paths the trigger's own parameters overwrite before the type runs.
    /// </summary>
    public static void Check(TriggerTemplate template, DependencyNames dependencies, IReadOnlyList<string> rewrittenPaths, ValidationScope scope)
    {
        var parameters = new ParameterChecker(dependencies, rewrittenPaths);
        if (template.K8s is { } k8s)
        {
            CheckK8s(k8s, parameters, scope.Field("k8s"));
        }

        if (template.ArgoWorkflow is { } workflow)
        {
            CheckArgoWorkflow(workflow, parameters, scope.Field("argoWorkflow"));
        }

        if (template.Http is { } http)
        {
            CheckHttp(http, parameters, scope.Field("http"));
        }

        if (template.AwsLambda is { } lambda)
        {
            var lambdaScope = scope.Field("awsLambda");
            lambdaScope.Require("functionName", lambda.FunctionName);
            lambdaScope.Require("region", lambda.Region);
            parameters.Check("awsLambda", lambda.Parameters, lambda.Payload, lambdaScope, payloadRequired: true);
        }

        if (template.Custom is { } custom)
        {
            CheckCustom(custom, parameters, scope.Field("custom"));
        }

        if (template.Kafka is { } kafka)
        {
            var kafkaScope = scope.Field("kafka");
            kafkaScope.Require("url", kafka.Url);
            kafkaScope.Require("topic", kafka.Topic);
            TlsConfigRules.Check(kafka.Tls, kafkaScope.Field("tls"));
            parameters.Check("kafka", kafka.Parameters, kafka.Payload, kafkaScope, payloadRequired: true);
        }

        if (template.Nats is { } nats)
        {
            var natsScope = scope.Field("nats");
            natsScope.Require("url", nats.Url);
            natsScope.Require("subject", nats.Subject);
            TlsConfigRules.Check(nats.Tls, natsScope.Field("tls"));
            parameters.Check("nats", nats.Parameters, nats.Payload, natsScope, payloadRequired: true);
        }

        if (template.Slack is { } slack)
        {
            var slackScope = scope.Field("slack");
            slackScope.Require("slackToken", slack.SlackToken);
            parameters.Check("slack", slack.Parameters, [], slackScope, payloadRequired: false);
        }

        CheckOpenWhisk("openWhisk", template.OpenWhisk, parameters, scope);
        CheckOpenWhisk("openwhisk", template.LowercaseOpenWhisk, parameters, scope);
        if (template.Log is { IntervalSeconds: < 0 } log)
        {
            scope.Field("log").Fail("intervalSeconds", $"must not be negative, got {log.IntervalSeconds}");
        }

        if (template.AzureEventHubs is { } hubs)
        {
            var hubsScope = scope.Field("azureEventHubs");
            hubsScope.Require("fqdn", hubs.Fqdn);
            hubsScope.Require("hubName", hubs.HubName);
            hubsScope.Require("sharedAccessKeyName", hubs.SharedAccessKeyName);
            parameters.Check("azureEventHubs", hubs.Parameters, hubs.Payload, hubsScope, payloadRequired: true);
        }

        if (template.AzureServiceBus is { } serviceBus)
        {
            CheckAzureServiceBus(serviceBus, parameters, scope.Field("azureServiceBus"));
        }

        if (template.Pulsar is { } pulsar)
        {
            CheckPulsar(pulsar, parameters, scope.Field("pulsar"));
        }

        if (template.Email is { } email)
        {
            var emailScope = scope.Field("email");
            emailScope.Require("host", email.Host);
            if (email.Port is < 0 or > 65535)
            {
                emailScope.Fail("port", $"must be between 0 and 65535, got {email.Port}");
            }

            parameters.Check("email", email.Parameters, [], emailScope, payloadRequired: false);
        }
    }

    private static void CheckK8s(StandardK8sTrigger k8s, ParameterChecker parameters, ValidationScope scope)
    {
        if (scope.Require("source", k8s.Source))
        {
            ArtifactLocationRules.Check(k8s.Source!, scope.Field("source"));
        }

        if (!string.IsNullOrEmpty(k8s.Operation) && !K8sOperations.Contains(k8s.Operation))
        {
            scope.Fail("operation", $"must be one of {string.Join(", ", K8sOperations)}, got '{k8s.Operation}'");
        }

        if (!string.IsNullOrEmpty(k8s.PatchStrategy) && !PatchStrategies.Contains(k8s.PatchStrategy))
        {
            scope.Fail("patchStrategy", $"must be one of {string.Join(", ", PatchStrategies)}, got '{k8s.PatchStrategy}'");
        }

        if (k8s.LiveObject && k8s.EffectiveOperation != "update")
        {
            scope.Fail("liveObject", $"only applies to the update operation, not '{k8s.EffectiveOperation}'");
        }

        parameters.Check("k8s", k8s.Parameters, [], scope, payloadRequired: false);
    }

    private static void CheckArgoWorkflow(ArgoWorkflowTrigger workflow, ParameterChecker parameters, ValidationScope scope)
    {
        if (scope.Require("source", workflow.Source))
        {
            ArtifactLocationRules.Check(workflow.Source!, scope.Field("source"));
        }

        if (!string.IsNullOrEmpty(workflow.Operation) && !WorkflowOperations.Contains(workflow.Operation))
        {
            scope.Fail("operation", $"must be one of {string.Join(", ", WorkflowOperations)}, got '{workflow.Operation}'");
        }

        parameters.Check("argoWorkflow", workflow.Parameters, [], scope, payloadRequired: false);
    }

    private static void CheckHttp(HttpTrigger http, ParameterChecker parameters, ValidationScope scope)
    {
        if (string.IsNullOrEmpty(http.EffectiveUrl))
        {
            scope.Fail("url", "is required");
        }

        if (!string.IsNullOrEmpty(http.Method) && !HttpMethods.Contains(http.Method))
        {
            scope.Fail("method", $"must be one of {string.Join(", ", HttpMethods)}, got '{http.Method}'");
        }

        if (http.Timeout is < 0)
        {
            scope.Fail("timeout", $"must not be negative, got {http.Timeout}");
        }

        TlsConfigRules.Check(http.Tls, scope.Field("tls"));
        for (var i = 0; i < http.SecureHeaders.Count; i++)
        {
            var header = scope.Field("secureHeaders").Index(i);
            header.Require("name", http.SecureHeaders[i].Name);
            if (http.SecureHeaders[i].ValueFrom is not { } valueFrom || (valueFrom.SecretKeyRef is null) == (valueFrom.ConfigMapKeyRef is null))
            {
                header.Fail("valueFrom", "must set exactly one of secretKeyRef or configMapKeyRef");
            }
        }

        parameters.Check("http", http.Parameters, [], scope, payloadRequired: false);

        // An HTTP payload item without dest is the whole request body, so dest is optional there only.
        parameters.CheckList("http.payload", http.Payload, scope.Field("payload"), destRequired: false);
        parameters.CheckList("http.dynamicHeaders", http.DynamicHeaders, scope.Field("dynamicHeaders"), destRequired: true);
    }

    private static void CheckCustom(CustomTrigger custom, ParameterChecker parameters, ValidationScope scope)
    {
        scope.Require("serverURL", custom.ServerUrl);
        if (custom.Spec.Count == 0)
        {
            scope.Fail("spec", "must hold the settings the trigger server reads");
        }

        if (custom.Secure)
        {
            scope.Require("certSecret", custom.CertSecret);
        }

        parameters.Check("custom", custom.Parameters, custom.Payload, scope, payloadRequired: false);
    }

    private static void CheckOpenWhisk(string key, OpenWhiskTrigger? openWhisk, ParameterChecker parameters, ValidationScope templateScope)
    {
        if (openWhisk is null)
        {
            return;
        }

        var scope = templateScope.Field(key);
        scope.Require("actionName", openWhisk.ActionName);
        scope.Require("host", openWhisk.Host);
        if (openWhisk.AuthToken is { } token && (string.IsNullOrEmpty(token.Name) || string.IsNullOrEmpty(token.Key)))
        {
            scope.Fail("authToken", "must set both name and key");
        }

        parameters.Check(key, openWhisk.Parameters, openWhisk.Payload, scope, payloadRequired: true);
    }

    private static void CheckAzureServiceBus(AzureServiceBusTrigger serviceBus, ParameterChecker parameters, ValidationScope scope)
    {
        scope.Require("connectionString", serviceBus.ConnectionString);
        var hasQueue = !string.IsNullOrEmpty(serviceBus.QueueName);
        var hasTopic = !string.IsNullOrEmpty(serviceBus.TopicName);
        if (hasQueue == hasTopic)
        {
            scope.Fail("must set exactly one of queueName or topicName");
        }
        else if (hasTopic)
        {
            scope.Require("subscriptionName", serviceBus.SubscriptionName);
        }

        TlsConfigRules.Check(serviceBus.Tls, scope.Field("tls"));
        parameters.Check("azureServiceBus", serviceBus.Parameters, serviceBus.Payload, scope, payloadRequired: true);
    }

    private static void CheckPulsar(PulsarTrigger pulsar, ParameterChecker parameters, ValidationScope scope)
    {
        scope.Require("url", pulsar.Url);
        scope.Require("topic", pulsar.Topic);
        if (pulsar.AuthAthenzParams.Count > 0)
        {
            scope.Require("authAthenzSecret", pulsar.AuthAthenzSecret);
        }

        if (pulsar.AuthTokenSecret is not null && pulsar.AuthAthenzParams.Count > 0)
        {
            scope.Fail("sets both authTokenSecret and authAthenzParams; use one way to authenticate");
        }

        TlsConfigRules.Check(pulsar.Tls, scope.Field("tls"));
        if (pulsar.ConnectionBackoff is not null)
        {
            BackoffRules.Check(pulsar.ConnectionBackoff, scope.Field("connectionBackoff"));
        }

        parameters.Check("pulsar", pulsar.Parameters, pulsar.Payload, scope, payloadRequired: true);
    }

    /// <summary>
    /// Checks a trigger type's <c>parameters</c> and <c>payload</c> against the Sensor's dependencies. A parameter whose
    /// dependency name the trigger's own parameters overwrite (Argo's parameterization tutorial writes a placeholder
    /// there) is not looked up, because the name it will have is only known at run time.
    /// </summary>
    private sealed class ParameterChecker(DependencyNames dependencies, IReadOnlyList<string> rewrittenPaths)
    {
        public void Check(string typeKey, IReadOnlyList<TriggerParameter> typeParameters, IReadOnlyList<TriggerParameter> payload, ValidationScope scope, bool payloadRequired)
        {
            CheckList(typeKey + ".parameters", typeParameters, scope.Field("parameters"), destRequired: true);
            if (payloadRequired && payload.Count == 0)
            {
                scope.Fail("payload", "must list at least one item: it builds the message sent");
            }

            CheckList(typeKey + ".payload", payload, scope.Field("payload"), destRequired: true);
        }

        public void CheckList(string listPath, IReadOnlyList<TriggerParameter> list, ValidationScope scope, bool destRequired) =>
            TriggerParameterRules.CheckAll(list, dependencies, scope, destRequired, index => IsRewritten($"{listPath}.{index}.src.dependencyName"));

        private bool IsRewritten(string path) =>
            rewrittenPaths.Any(dest => path == dest || path.StartsWith(dest + ".", StringComparison.Ordinal));
    }
}
