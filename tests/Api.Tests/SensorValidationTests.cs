using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class SensorValidationTests
{
    private const string Deps = SensorManifests.Dependencies;

    private static string Trigger(string template, string extra = "") =>
        $"triggers:\n  - template: {{name: t, {template}}}\n" + (extra.Length == 0 ? "" : "    " + extra + "\n");

    private static string Http(string extraHttp = "") => $"http: {{url: http://x{extraHttp}}}";

    private static string Source(string inner) => $"source: {{{inner}}}";

    /// <summary>Each rule: a spec body that breaks it, the path the single error names, and a phrase of its message.</summary>
    public static TheoryData<string, string, string, string> BrokenRules() => new()
    {
        { "dependencies are required", "dependencies: []\n" + SensorManifests.LogTrigger, "spec.dependencies", "at least one dependency" },
        { "a dependency has a name", "dependencies:\n  - {eventSourceName: a, eventName: b}\n" + SensorManifests.LogTrigger, "spec.dependencies[0].name", "is required" },
        { "dependency names are unique", "dependencies:\n  - {name: d, eventSourceName: a, eventName: b}\n  - {name: d, eventSourceName: a, eventName: c}\n" + SensorManifests.LogTrigger, "spec.dependencies[1].name", "earlier dependency" },
        { "'-' and '_' make the same dependency name", "dependencies:\n  - {name: d-1, eventSourceName: a, eventName: b}\n  - {name: d_1, eventSourceName: a, eventName: c}\n" + SensorManifests.LogTrigger, "spec.dependencies[1].name", "'-' and '_'" },
        { "a dependency names its EventSource", "dependencies:\n  - {name: d, eventName: b}\n" + SensorManifests.LogTrigger, "spec.dependencies[0].eventSourceName", "is required" },
        { "a dependency names its event", "dependencies:\n  - {name: d, eventSourceName: a}\n" + SensorManifests.LogTrigger, "spec.dependencies[0].eventName", "is required" },
        { "filtersLogicalOperator is and/or", "dependencies:\n  - {name: d, eventSourceName: a, eventName: b, filtersLogicalOperator: xor}\n" + SensorManifests.LogTrigger, "spec.dependencies[0].filtersLogicalOperator", "'and' or 'or', got 'xor'" },
        { "dataLogicalOperator is and/or", Filter("dataLogicalOperator: AND"), "spec.dependencies[0].filters.dataLogicalOperator", "got 'AND'" },
        { "exprLogicalOperator is and/or", Filter("exprLogicalOperator: '&&'"), "spec.dependencies[0].filters.exprLogicalOperator", "got '&&'" },
        { "a data filter type is string, number or bool", Filter("data: [{path: a, type: int, value: ['1']}]"), "spec.dependencies[0].filters.data[0].type", "string, number, bool, got 'int'" },
        { "a data filter comparator is known", Filter("data: [{path: a, type: number, value: ['1'], comparator: '=>'}]"), "spec.dependencies[0].filters.data[0].comparator", "got '=>'" },
        { "a data filter has a path", Filter("data: [{type: string, value: [a]}]"), "spec.dependencies[0].filters.data[0].path", "is required" },
        { "a data filter has values", Filter("data: [{path: a, type: string, value: []}]"), "spec.dependencies[0].filters.data[0].value", "at least one item" },
        { "a data filter value is not empty", Filter("data: [{path: a, type: string, value: ['']}]"), "spec.dependencies[0].filters.data[0].value[0]", "must not be empty" },
        { "an expr filter has an expression", Filter("exprs: [{fields: [{name: a, path: a}]}]"), "spec.dependencies[0].filters.exprs[0].expr", "is required" },
        { "an expr filter has fields", Filter("exprs: [{expr: a == 1}]"), "spec.dependencies[0].filters.exprs[0].fields", "at least one item" },
        { "an expr field has a name and a path", Filter("exprs: [{expr: a == 1, fields: [{path: a}]}]"), "spec.dependencies[0].filters.exprs[0].fields[0].name", "is required" },
        { "a context filter compares something", Filter("context: {id: x}"), "spec.dependencies[0].filters.context", "at least one of type, subject, source or datacontenttype" },
        { "a time filter is HH:MM:SS", Filter("time: {start: '09:09:0', stop: '10:00:00'}"), "spec.dependencies[0].filters.time.start", "HH:MM:SS" },
        { "a time filter has a stop", Filter("time: {start: '09:00:00'}"), "spec.dependencies[0].filters.time.stop", "is required" },
        { "a time window is not empty", Filter("time: {start: '09:00:00', stop: '9:00:00'}"), "spec.dependencies[0].filters.time", "empty window" },
        { "a time filter zone is known", Filter("time: {start: '09:00:00', stop: '10:00:00', timezone: Mars/Olympus}"), "spec.dependencies[0].filters.time.timezone", "IANA" },
        { "triggers are required", Deps + "\ntriggers: []", "spec.triggers", "at least one item" },
        { "a trigger has a template", Deps + "\ntriggers:\n  - atLeastOnce: true", "spec.triggers[0].template", "is required" },
        { "a template has a name", Deps + "\ntriggers:\n  - template: {log: {}}", "spec.triggers[0].template.name", "is required" },
        { "trigger names are unique", Deps + "\ntriggers:\n  - template: {name: t, log: {}}\n  - template: {name: t, log: {}}", "spec.triggers[1].template.name", "must be unique" },
        { "a template defines a trigger type", Deps + "\ntriggers:\n  - template: {name: t}", "spec.triggers[0].template", "defines no trigger type" },
        { "a template defines one trigger type", Deps + "\n" + Trigger("log: {}, " + Http()), "spec.triggers[0].template", "defines 2 trigger types (http, log)" },
        { "conditions parse", Deps + "\n" + Trigger("conditions: '(dep-a && dep_b', log: {}"), "spec.triggers[0].template.conditions", "misses a ')'" },
        { "conditions have no dangling operator", Deps + "\n" + Trigger("conditions: 'dep-a ||', log: {}"), "spec.triggers[0].template.conditions", "ends where a dependency name" },
        { "conditions only use && and ||", Deps + "\n" + Trigger("conditions: 'dep-a & dep_b', log: {}"), "spec.triggers[0].template.conditions", "does not parse" },
        { "conditions name dependencies", Deps + "\n" + Trigger("conditions: 'dep-a && dep-c', log: {}"), "spec.triggers[0].template.conditions", "'dep-c', which is not a dependency" },
        { "a conditions reset has byTime", Deps + "\n" + Trigger("log: {}, conditionsReset: [{}]"), "spec.triggers[0].template.conditionsReset[0].byTime", "is required" },
        { "a conditions reset cron has five fields", Deps + "\n" + Trigger("log: {}, conditionsReset: [{byTime: {cron: '0 0 * * * *'}}]"), "spec.triggers[0].template.conditionsReset[0].byTime.cron", "exactly 5 fields" },
        { "a conditions reset cron fields are in range", Deps + "\n" + Trigger("log: {}, conditionsReset: [{byTime: {cron: '61 * * * *'}}]"), "spec.triggers[0].template.conditionsReset[0].byTime.cron", "out of range" },
        { "a conditions reset zone is known", Deps + "\n" + Trigger("log: {}, conditionsReset: [{byTime: {cron: '0 0 * * *', timezone: Nowhere}}]"), "spec.triggers[0].template.conditionsReset[0].byTime.timezone", "IANA" },
        { "a parameter has a source", Deps + "\n" + Trigger("log: {}", "parameters: [{dest: a}]"), "spec.triggers[0].parameters[0].src", "is required" },
        { "a parameter source names a dependency", Deps + "\n" + Trigger("log: {}", "parameters: [{src: {dataKey: a}, dest: a}]"), "spec.triggers[0].parameters[0].src.dependencyName", "is required" },
        { "a parameter source names an existing dependency", Deps + "\n" + Trigger("log: {}", "parameters: [{src: {dependencyName: nope}, dest: a}]"), "spec.triggers[0].parameters[0].src.dependencyName", "'nope', which is not a dependency" },
        { "a parameter has a destination", Deps + "\n" + Trigger("log: {}", "parameters: [{src: {dependencyName: dep-a}}]"), "spec.triggers[0].parameters[0].dest", "is required" },
        { "a parameter operation is overwrite, append or prepend", Deps + "\n" + Trigger("log: {}", "parameters: [{src: {dependencyName: dep-a}, dest: a, operation: replace}]"), "spec.triggers[0].parameters[0].operation", "got 'replace'" },
        { "type parameters are checked too", Deps + "\n" + Trigger("k8s: {" + Source("resource: {kind: Pod}") + ", parameters: [{src: {dependencyName: dep-z}, dest: a}]}"), "spec.triggers[0].template.k8s.parameters[0].src.dependencyName", "'dep-z'" },
        { "an http trigger has a url", Deps + "\n" + Trigger("http: {method: GET}"), "spec.triggers[0].template.http.url", "is required" },
        { "an http method is GET, DELETE, PATCH, POST or PUT", Deps + "\n" + Trigger(Http(", method: HEAD")), "spec.triggers[0].template.http.method", "got 'HEAD'" },
        { "an http payload item still needs a dependency", Deps + "\n" + Trigger(Http(", payload: [{src: {dataKey: a}}]")), "spec.triggers[0].template.http.payload[0].src.dependencyName", "is required" },
        { "a secure header reads a Secret or a ConfigMap", Deps + "\n" + Trigger(Http(", secureHeaders: [{name: a}]")), "spec.triggers[0].template.http.secureHeaders[0].valueFrom", "exactly one of" },
        { "a k8s trigger has a source", Deps + "\n" + Trigger("k8s: {operation: create}"), "spec.triggers[0].template.k8s.source", "is required" },
        { "a k8s operation is create, update, patch or delete", Deps + "\n" + Trigger("k8s: {operation: apply, " + Source("resource: {kind: Pod}") + "}"), "spec.triggers[0].template.k8s.operation", "got 'apply'" },
        { "a k8s source has one location", Deps + "\n" + Trigger("k8s: {" + Source("inline: x, file: {path: /a}") + "}"), "spec.triggers[0].template.k8s.source", "sets inline, file" },
        { "a k8s source names a location", Deps + "\n" + Trigger("k8s: {source: {}}"), "spec.triggers[0].template.k8s.source", "must set one of" },
        { "a configmap source names a key", Deps + "\n" + Trigger("k8s: {" + Source("configmap: {name: cm}") + "}"), "spec.triggers[0].template.k8s.source.configmap.key", "is required" },
        { "a git source names a file", Deps + "\n" + Trigger("k8s: {" + Source("git: {url: u, cloneDirectory: /d}") + "}"), "spec.triggers[0].template.k8s.source.git.filePath", "is required" },
        { "a k8s patch strategy is known", Deps + "\n" + Trigger("k8s: {operation: patch, patchStrategy: text/plain, " + Source("resource: {kind: Pod}") + "}"), "spec.triggers[0].template.k8s.patchStrategy", "got 'text/plain'" },
        { "liveObject is only for update", Deps + "\n" + Trigger("k8s: {liveObject: true, " + Source("resource: {kind: Pod}") + "}"), "spec.triggers[0].template.k8s.liveObject", "only applies to the update" },
        { "an argoWorkflow operation is known", Deps + "\n" + Trigger("argoWorkflow: {operation: run, " + Source("resource: {kind: Workflow}") + "}"), "spec.triggers[0].template.argoWorkflow.operation", "got 'run'" },
        { "an argoWorkflow trigger has a source", Deps + "\n" + Trigger("argoWorkflow: {operation: submit}"), "spec.triggers[0].template.argoWorkflow.source", "is required" },
        { "retry steps are not negative", Deps + "\n" + Trigger("log: {}", "retryStrategy: {steps: -1}"), "spec.triggers[0].retryStrategy.steps", "must not be negative" },
        { "retry factor is not negative", Deps + "\n" + Trigger("log: {}", "retryStrategy: {factor: -2}"), "spec.triggers[0].retryStrategy.factor", "must not be negative" },
        { "retry duration is not negative", Deps + "\n" + Trigger("log: {}", "retryStrategy: {duration: -1s}"), "spec.triggers[0].retryStrategy.duration", "must not be negative" },
        { "a rate limit unit is Second, Minute or Hour", Deps + "\n" + Trigger("log: {}", "rateLimit: {unit: Day, requestsPerUnit: 1}"), "spec.triggers[0].rateLimit.unit", "got 'Day'" },
        { "a rate limit allows at least one request", Deps + "\n" + Trigger("log: {}", "rateLimit: {unit: Second}"), "spec.triggers[0].rateLimit.requestsPerUnit", "at least 1" },
        { "a dlq trigger needs atLeastOnce on the trigger", Deps + "\n" + Trigger("log: {}", "dlqTrigger: {atLeastOnce: true, template: {name: dlq, log: {}}}"), "spec.triggers[0].atLeastOnce", "must be true to use dlqTrigger" },
        { "a dlq trigger needs atLeastOnce itself", Deps + "\n" + Trigger("log: {}", "atLeastOnce: true\n    dlqTrigger: {template: {name: dlq, log: {}}}"), "spec.triggers[0].dlqTrigger.atLeastOnce", "within the dlqTrigger" },
        { "a dlq trigger is a valid trigger", Deps + "\n" + Trigger("log: {}", "atLeastOnce: true\n    dlqTrigger: {atLeastOnce: true, template: {name: dlq, http: {method: GET}}}"), "spec.triggers[0].dlqTrigger.template.http.url", "is required" },
        { "a k8s policy lists labels", Deps + "\n" + Trigger("k8s: {" + Source("resource: {kind: Pod}") + "}", "policy: {k8s: {errorOnBackoffTimeout: true}}"), "spec.triggers[0].policy.k8s.labels", "must list the labels" },
        { "a status policy lists statuses", Deps + "\n" + Trigger(Http(), "policy: {status: {allow: []}}"), "spec.triggers[0].policy.status.allow", "must list the response statuses" },
        { "a status policy lists HTTP statuses", Deps + "\n" + Trigger(Http(), "policy: {status: {allow: [200, 42]}}"), "spec.triggers[0].policy.status.allow[1]", "100-599" },
        { "a kafka trigger has a topic", Deps + "\n" + Trigger("kafka: {url: k:9092, payload: [{src: {dependencyName: dep-a}, dest: a}]}"), "spec.triggers[0].template.kafka.topic", "is required" },
        { "a kafka trigger has a payload", Deps + "\n" + Trigger("kafka: {url: k:9092, topic: t}"), "spec.triggers[0].template.kafka.payload", "at least one item" },
        { "a nats trigger has a subject", Deps + "\n" + Trigger("nats: {url: nats://n, payload: [{src: {dependencyName: dep-a}, dest: a}]}"), "spec.triggers[0].template.nats.subject", "is required" },
        { "a slack trigger has a token", Deps + "\n" + Trigger("slack: {channel: general}"), "spec.triggers[0].template.slack.slackToken", "is required" },
        { "an awsLambda trigger has a region", Deps + "\n" + Trigger("awsLambda: {functionName: f, payload: [{src: {dependencyName: dep-a}, dest: a}]}"), "spec.triggers[0].template.awsLambda.region", "is required" },
        { "a custom trigger has a spec", Deps + "\n" + Trigger("custom: {serverURL: s:9000}"), "spec.triggers[0].template.custom.spec", "settings the trigger server reads" },
        { "a secure custom trigger has a certificate", Deps + "\n" + Trigger("custom: {serverURL: s:9000, secure: true, spec: {a: b}}"), "spec.triggers[0].template.custom.certSecret", "is required" },
        { "an openWhisk trigger has an action", Deps + "\n" + Trigger("openWhisk: {host: h, payload: [{src: {dependencyName: dep-a}, dest: a}]}"), "spec.triggers[0].template.openWhisk.actionName", "is required" },
        { "an azureEventHubs trigger has a hub", Deps + "\n" + Trigger("azureEventHubs: {fqdn: f, sharedAccessKeyName: {name: s, key: k}, payload: [{src: {dependencyName: dep-a}, dest: a}]}"), "spec.triggers[0].template.azureEventHubs.hubName", "is required" },
        { "an azureServiceBus trigger has a queue or a topic", Deps + "\n" + Trigger("azureServiceBus: {connectionString: {name: s, key: k}, payload: [{src: {dependencyName: dep-a}, dest: a}]}"), "spec.triggers[0].template.azureServiceBus", "exactly one of queueName or topicName" },
        { "an azureServiceBus topic has a subscription", Deps + "\n" + Trigger("azureServiceBus: {connectionString: {name: s, key: k}, topicName: t, payload: [{src: {dependencyName: dep-a}, dest: a}]}"), "spec.triggers[0].template.azureServiceBus.subscriptionName", "is required" },
        { "a pulsar trigger with Athenz has its key", Deps + "\n" + Trigger("pulsar: {url: p, topic: t, authAthenzParams: {a: b}, payload: [{src: {dependencyName: dep-a}, dest: a}]}"), "spec.triggers[0].template.pulsar.authAthenzSecret", "is required" },
        { "an email port is a port", Deps + "\n" + Trigger("email: {host: smtp, port: 70000}"), "spec.triggers[0].template.email.port", "between 0 and 65535" },
        { "an email trigger has a host", Deps + "\n" + Trigger("email: {port: 25}"), "spec.triggers[0].template.email.host", "is required" },
        { "a log interval is not negative", Deps + "\n" + Trigger("log: {intervalSeconds: -5}"), "spec.triggers[0].template.log.intervalSeconds", "must not be negative" },
        { "an http trigger's tls has something to verify with", Deps + "\n" + Trigger(Http(", tls: {clientCertSecret: {name: a, key: b}}")), "spec.triggers[0].template.http.tls", "clientCertSecret and clientKeySecret" },
        { "the event bus name is a Kubernetes name", "eventBusName: Not_A_Name\n" + Deps + "\n" + SensorManifests.LogTrigger, "spec.eventBusName", "DNS-1123" },
    };

    private static string Filter(string filters) =>
        $"dependencies:\n  - {{name: d, eventSourceName: a, eventName: b, filters: {{{filters}}}}}\n" + SensorManifests.LogTrigger;

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Each_broken_rule_gives_one_error_naming_its_field(string rule, string spec, string path, string fragment)
    {
        var errors = SensorManifests.Load(spec).Validate();

        var error = Assert.Single(errors);
        Assert.True(error.Path == path, $"{rule}: expected path {path}, got {error}");
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Location);
    }

    [Fact]
    public void A_valid_sensor_has_no_errors()
    {
        Assert.Empty(SensorManifests.Load(SensorManifests.Dependencies + "\n" + SensorManifests.LogTrigger).Validate());
    }

    [Fact]
    public void A_validation_error_names_file_line_and_column()
    {
        var sensor = SensorManifests.Load("""
            dependencies:
              - name: dep-a
                eventSourceName: webhook
                eventName: example
            triggers:
              - template:
                  name: t
                  conditions: dep-a && missing
                  log: {}
            """);

        var error = Assert.Single(sensor.Validate());

        Assert.Equal("test.yaml:13:9: field 'spec.triggers[0].template.conditions' names 'missing', which is not a dependency of this Sensor", error.ToString());
    }

    [Theory]
    [InlineData("dep-a && dep_b")]
    [InlineData("dep_a && dep-b")]
    [InlineData("(dep-a || dep_b) && dep-a")]
    [InlineData("  dep-a||dep_b  ")]
    [InlineData("((dep-a))")]
    public void Conditions_accept_names_with_dash_and_underscore_as_the_same_character(string conditions)
    {
        var sensor = SensorManifests.WithTriggers($"triggers:\n  - template: {{name: t, conditions: '{conditions}', log: {{}}}}");

        Assert.Empty(sensor.Validate());
    }

    [Fact]
    public void An_http_payload_item_may_leave_dest_empty_to_send_the_whole_body()
    {
        var sensor = SensorManifests.WithTriggers("""
            triggers:
              - template:
                  name: t
                  http:
                    url: http://x
                    payload:
                      - src: {dependencyName: dep-a}
            """);

        Assert.Empty(sensor.Validate());
    }

    [Fact]
    public void The_pre_1_0_serverURL_stands_for_url()
    {
        var sensor = SensorManifests.WithTriggers("triggers:\n  - template: {name: t, http: {serverURL: 'http://old'}}");

        Assert.Empty(sensor.Validate());
        Assert.Equal("http://old", sensor.Spec.Triggers[0].Template!.Http!.EffectiveUrl);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var sensor = SensorManifests.Load("""
            dependencies:
              - {name: d}
            triggers:
              - template: {name: t}
            """);

        Assert.Equal(
            ["spec.dependencies[0].eventSourceName", "spec.dependencies[0].eventName", "spec.triggers[0].template"],
            sensor.Validate().Select(e => e.Path));
    }
}
