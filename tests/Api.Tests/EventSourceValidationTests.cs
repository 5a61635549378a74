using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class EventSourceValidationTests
{
    private const string Webhook = "webhook: {endpoint: /hook, port: \"12000\", method: POST}";

    [Fact]
    public void A_validation_error_names_the_field_and_where_it_is_written()
    {
        var error = Manifests.EventSourceError("""
            webhook:
              example:
                endpoint: /x
                port: "port"
                method: POST
            """);

        Assert.Equal("test.yaml:9:7: field 'spec.webhook.example.port' must be a port number from 1 to 65535, got 'port'", error.ToString());
        Assert.Equal("spec.webhook.example.port", error.Path);
    }

    [Fact]
    public void A_missing_field_is_located_at_its_nearest_written_parent()
    {
        var error = Manifests.EventSourceError("""
            nats:
              example:
                url: nats://x
            """);

        Assert.Equal("test.yaml:7:5: field 'spec.nats.example.subject' is required", error.ToString());
    }

    [Fact]
    public void The_throwing_variant_lists_every_error()
    {
        var es = Manifests.EventSource("""
            replicas: 0
            nats:
              example: {}
            """);

        var exception = Assert.Throws<Validation.ManifestValidationException>(es.EnsureValid);

        Assert.Equal(3, exception.Errors.Count);
        Assert.Contains("test.yaml:6:3: field 'spec.replicas' must be at least 1, got 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("field 'spec.nats.example.url' is required", exception.Message, StringComparison.Ordinal);
        Assert.Contains("field 'spec.nats.example.subject' is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_built_in_code_are_validated_without_locations()
    {
        var es = new EventSource { Metadata = new ObjectMeta { Name = "es" } };

        var error = Assert.Single(es.Validate());

        Assert.Null(error.Location);
        Assert.Equal("field 'spec' defines no event source: add at least one event under a type such as webhook or calendar", error.ToString());
    }

    [Fact]
    public void At_least_one_event_source_must_be_defined()
    {
        var error = Manifests.EventSourceError("eventBusName: default");

        Assert.Equal("spec", error.Path);
        Assert.Equal(new SourceLocation("test.yaml", 5, 1), error.Location);
    }

    [Fact]
    public void Event_names_are_unique_across_all_types()
    {
        var error = Manifests.EventSourceError("""
            sqs:
              example: {region: us-east-1, queue: q}
            webhook:
              example: {endpoint: /x, port: "12000", method: POST}
            """);

        Assert.Equal("spec.webhook.example", error.Path);
        Assert.Equal(
            "test.yaml:9:5: field 'spec.webhook.example' has the event name 'example', already used under spec.sqs; event names must be unique across all types of one EventSource",
            error.ToString());
    }

    [Fact]
    public void Active_active_and_active_passive_types_are_not_mixed()
    {
        var error = Manifests.EventSourceError("""
            calendar:
              tick: {interval: 10s}
            webhook:
              hook: {endpoint: /x, port: "12000", method: POST}
            """);

        Assert.Equal("spec", error.Path);
        Assert.Contains("mixes active-active types (webhook) with active-passive types (calendar)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replicas_must_be_at_least_one_when_set()
    {
        var error = Manifests.EventSourceError("replicas: 0\ncalendar:\n  tick: {interval: 10s}");

        Assert.Equal("test.yaml:6:3: field 'spec.replicas' must be at least 1, got 0", error.ToString());
    }

    [Fact]
    public void The_deprecated_replica_must_be_at_least_one_when_set()
    {
        var error = Manifests.EventSourceError("replica: -1\ncalendar:\n  tick: {interval: 10s}");

        Assert.Equal("field 'spec.replica' must be at least 1, got -1", error.Message);
    }

    [Fact]
    public void The_name_is_required()
    {
        var es = ManifestLoader.LoadString("apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata: {}\nspec:\n  sqs:\n    q: {region: r, queue: q}\n");

        Assert.Equal("field 'metadata.name' is required", Assert.Single(Assert.Single(es).Validate()).Message);
    }

    [Theory]
    [InlineData("My-Source", "must be a DNS-1123 subdomain")]
    [InlineData("-source", "must be a DNS-1123 subdomain")]
    [InlineData("source_1", "must be a DNS-1123 subdomain")]
    public void The_name_is_a_kubernetes_name(string name, string problem)
    {
        var es = ManifestLoader.LoadString($"apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata:\n  name: {name}\nspec:\n  sqs:\n    q: {{region: r, queue: q}}\n");

        var error = Assert.Single(Assert.Single(es).Validate());

        Assert.Equal("metadata.name", error.Path);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location!.Line);
    }

    [Fact]
    public void A_name_longer_than_253_characters_is_refused()
    {
        var es = ManifestLoader.LoadString($"apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata:\n  name: {new string('a', 254)}\nspec:\n  sqs:\n    q: {{region: r, queue: q}}\n");

        Assert.Contains("must be at most 253 characters", Assert.Single(Assert.Single(es).Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_namespace_is_a_kubernetes_label()
    {
        var es = ManifestLoader.LoadString("apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata:\n  name: es\n  namespace: argo.events\nspec:\n  sqs:\n    q: {region: r, queue: q}\n");

        var error = Assert.Single(Assert.Single(es).Validate());

        Assert.Equal("metadata.namespace", error.Path);
        Assert.Contains("must be a DNS-1123 label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_EventSource_name_is_one_bus_subject_token()
    {
        var es = ManifestLoader.LoadString("apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata:\n  name: my.source\nspec:\n  sqs:\n    q: {region: r, queue: q}\n");

        var error = Assert.Single(Assert.Single(es).Validate());

        Assert.Equal("metadata.name", error.Path);
        Assert.Contains("must not contain '.', '*', '>' or whitespace", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my.event")]
    [InlineData("\"my event\"")]
    [InlineData("\"all>\"")]
    public void Event_names_are_bus_subject_tokens(string name)
    {
        var error = Manifests.EventSourceError($"sqs:\n  {name}: {{region: r, queue: q}}");

        Assert.Contains("has an event name that must not contain '.', '*', '>' or whitespace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_event_bus_name_is_a_kubernetes_name()
    {
        var error = Manifests.EventSourceError("eventBusName: Default_Bus\nsqs:\n  q: {region: r, queue: q}");

        Assert.Equal("spec.eventBusName", error.Path);
        Assert.Contains("must be a DNS-1123 subdomain", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ValidMinimalSources() => new()
    {
        { "amqp", "url: amqp://x\nexchangeType: fanout\nroutingKey: k" },
        { "amqp with urlSecret, tls and auth", "urlSecret: {name: s, key: url}\nexchangeType: fanout\nroutingKey: k\ntls: {caCertSecret: {name: s, key: ca}}\nauth: {username: {name: s, key: u}, password: {name: s, key: p}}" },
        { "azureEventsHub", "fqdn: ns.servicebus.windows.net\nhubName: hub" },
        { "azureQueueStorage", "storageAccountName: acct\nqueueName: q" },
        { "azureServiceBus", "fullyQualifiedNamespace: ns\ntopicName: t\nsubscriptionName: s" },
        { "bitbucket", "repositories: [{owner: o, repositorySlug: r}]\n" + Webhook },
        { "bitbucketserver", "projects: [P]\nbitbucketserverBaseURL: https://b/rest\n" + Webhook },
        { "calendar", "schedule: \"*/5 0-23 1,15 JAN-DEC MON-FRI\"\ntimezone: America/New_York" },
        { "calendar", "schedule: \"CRON_TZ=Europe/Paris 30 9 * * ?\"" },
        { "emitter", "broker: tcp://b:4000\nchannelName: c\nchannelKey: k" },
        { "file", "eventType: CREATE\nwatchPathConfig: {directory: /data, pathRegexp: '.*\\.txt'}" },
        { "generic", "url: grpc:8080" },
        { "gerrit", "projects: [p]\nevents: [patchset-created]\ngerritBaseURL: http://g\nauth: {username: {name: s, key: u}, password: {name: s, key: p}}\n" + Webhook },
        { "github", "organizations: [argoproj]\n" + Webhook },
        { "gitlab", "events: [PushEvents]\ngitlabBaseURL: https://gitlab.com\naccessToken: {name: s, key: t}\n" + Webhook },
        { "hdfs", "directory: /tmp/\npath: x.txt\ntype: CREATE|WRITE\naddresses: [nn:8020]\nkrbCCacheSecret: {name: s, key: c}\nkrbServicePrincipalName: hdfs/nn\nkrbConfigConfigMap: {name: cm, key: krb5.conf}" },
        { "kafka", "url: kafka:9092\ntopic: t\nconsumerGroup: {groupName: g}\nsasl: {mechanism: SCRAM-SHA-512, userSecret: {name: s, key: u}, passwordSecret: {name: s, key: p}}" },
        { "minio", "endpoint: minio:9000\nbucket: {name: b}\naccessKey: {name: s, key: a}\nsecretKey: {name: s, key: k}" },
        { "mns", "queue: q\nendpoint: http://mns" },
        { "mqtt", "url: tcp://m:1883\ntopic: t\nclientId: c" },
        { "nats", "url: nats://n:4222\nsubject: s\nqueue: workers" },
        { "nsq", "hostAddress: n:4161\ntopic: t\nchannel: c" },
        { "pubSub", "subscriptionID: sub" },
        { "pulsar", "topics: [t]\nurl: pulsar://p:6650" },
        { "redis", "hostAddress: r:6379\nchannels: [c]\npassword: {name: s, key: p}\nnamespace: argo-events" },
        { "redisStream", "hostAddress: r:6379\nstreams: [s]" },
        { "resource", "version: v1\nresource: pods\neventTypes: [ADD, UPDATE, DELETE]\nfilter: {labels: [{key: app, operation: '!=', value: x}]}" },
        { "sftp", "eventType: CREATE\nwatchPathConfig: {directory: /d, path: x}" },
        { "slack", "token: {name: s, key: t}\nsigningSecret: {name: s, key: k}\n" + Webhook },
        { "sns", "topicArn: arn:aws:sns:x\nregion: us-east-1\n" + Webhook },
        { "sqs", "region: us-east-1\nqueue: q" },
        { "storageGrid", "topicArn: t\napiURL: http://sg\nauthToken: {name: s, key: t}\nbucket: b\nevents: [s3:ObjectCreated:*]\n" + Webhook },
        { "stripe", "createWebhook: true\napiKey: {name: s, key: k}\n" + Webhook },
        { "webhook", "endpoint: /x\nport: \"12000\"\nmethod: POST" },
    };

    [Theory]
    [MemberData(nameof(ValidMinimalSources))]
    public void A_minimal_event_source_of_each_type_is_valid(string type, string body)
    {
        var specKey = type.Split(' ')[0];
        var es = Manifests.EventSource($"{specKey}:\n  example:\n" + Indent(body, 4));

        Assert.Empty(es.Validate());
        Assert.Equal(specKey, Assert.Single(es.Spec.Events).Type.SpecKey);
    }

    public static TheoryData<string, string, string, string> BrokenSources() => new()
    {
        // type, body, field path under spec.<type>.e, expected message (after "field '<path>' ")
        { "amqp", "exchangeType: fanout\nroutingKey: k", "", "needs url or urlSecret" },
        { "amqp", "url: amqp://x\nurlSecret: {name: s, key: u}\nexchangeType: fanout\nroutingKey: k", "", "must not have both url and urlSecret" },
        { "amqp", "url: amqp://x\nexchangeType: fanout", "routingKey", "is required" },
        { "amqp", "url: amqp://x\nroutingKey: k", "exchangeType", "is required" },
        { "amqp", "url: amqp://x\nexchangeType: fanout\nroutingKey: k\ntls: {}", "tls", "needs caCertSecret, or clientCertSecret and clientKeySecret, or enabled: true, or insecureSkipVerify: true" },
        { "amqp", "url: amqp://x\nexchangeType: fanout\nroutingKey: k\ntls: {clientCertSecret: {name: s, key: c}}", "tls", "needs both clientCertSecret and clientKeySecret, or neither" },
        { "amqp", "url: amqp://x\nexchangeType: fanout\nroutingKey: k\nauth: {username: {name: s, key: u}}", "auth.password", "is required" },
        { "azureEventsHub", "hubName: h", "fqdn", "is required" },
        { "azureEventsHub", "fqdn: f", "hubName", "is required" },
        { "azureEventsHub", "fqdn: f\nhubName: h\nsharedAccessKey: {name: s, key: k}", "", "needs both sharedAccessKeyName and sharedAccessKey, or neither (to use Azure AD)" },
        { "azureQueueStorage", "queueName: q", "", "needs connectionString or storageAccountName" },
        { "azureQueueStorage", "storageAccountName: a", "queueName", "is required" },
        { "azureServiceBus", "queueName: q", "", "needs connectionString or fullyQualifiedNamespace" },
        { "azureServiceBus", "fullyQualifiedNamespace: n", "", "needs queueName, or topicName and subscriptionName" },
        { "azureServiceBus", "fullyQualifiedNamespace: n\nqueueName: q\ntopicName: t", "", "must not have queueName together with topicName or subscriptionName" },
        { "azureServiceBus", "fullyQualifiedNamespace: n\ntopicName: t", "", "needs both topicName and subscriptionName" },
        { "bitbucket", Webhook, "repositories", "must list at least one repository (owner and repositorySlug)" },
        { "bitbucket", "owner: o\nrepositorySlug: r\nauth: {oauthToken: {name: s, key: t}}\nwebhook: {endpoint: /x, port: \"1\", method: POST, url: http://x}", "events", "must list at least one event to create Bitbucket webhooks" },
        { "bitbucket", "repositories: [{owner: o, repositorySlug: r}]", "webhook", "is required" },
        { "bitbucketserver", "bitbucketserverBaseURL: u\n" + Webhook, "", "needs at least one of projects or repositories" },
        { "bitbucketserver", "projects: [P]\n" + Webhook, "bitbucketserverBaseURL", "is required" },
        { "bitbucketserver", "projectKey: P\nrepositorySlug: r\nbitbucketserverBaseURL: u\naccessToken: {name: s, key: t}\nwebhook: {endpoint: /x, port: \"1\", method: POST, url: http://x}", "events", "must list at least one event to create Bitbucket Server webhooks" },
        { "calendar", "timezone: UTC", "", "needs schedule or interval" },
        { "calendar", "schedule: \"0 * * * * *\"", "schedule", "is not a valid schedule: '0 * * * * *' must have exactly 5 fields (minute hour day-of-month month day-of-week), found 6" },
        { "calendar", "schedule: \"@every 5m\"", "schedule", "is not a valid schedule: '@every 5m' uses a '@' descriptor, which Argo's schedule parser does not accept; write five cron fields" },
        { "calendar", "schedule: \"61 * * * *\"", "schedule", "is not a valid schedule: '61 * * * *': minute 61 is out of range 0-59" },
        { "calendar", "schedule: \"0 9 * * FRI-MON\"", "schedule", "is not a valid schedule: '0 9 * * FRI-MON': the day of week range 'FRI-MON' starts after it ends" },
        { "calendar", "schedule: \"*/0 * * * *\"", "schedule", "is not a valid schedule: '*/0 * * * *': the step of minute '*/0' must be a positive number" },
        { "calendar", "interval: 0s", "interval", "must be positive, got '0s'" },
        { "calendar", "interval: 10s\ntimezone: Mars/Olympus", "timezone", "'Mars/Olympus' is not a known IANA time zone (such as Europe/Paris or America/New_York)" },
        { "emitter", "channelName: c\nchannelKey: k", "broker", "is required" },
        { "emitter", "broker: b\nchannelKey: k", "channelName", "is required" },
        { "emitter", "broker: b\nchannelName: c", "channelKey", "is required" },
        { "file", "watchPathConfig: {directory: /d, path: x}", "eventType", "is required" },
        { "file", "eventType: CREATE", "watchPathConfig", "is required" },
        { "file", "eventType: CREATE\nwatchPathConfig: {directory: data, path: x}", "watchPathConfig.directory", "must be an absolute path, got 'data'" },
        { "file", "eventType: CREATE\nwatchPathConfig: {directory: /d}", "watchPathConfig", "needs path or pathRegexp" },
        { "file", "eventType: CREATE\nwatchPathConfig: {directory: /d, path: x, pathRegexp: y}", "watchPathConfig", "must not have both path and pathRegexp" },
        { "file", "eventType: CREATE\nwatchPathConfig: {directory: /d, path: /etc/x}", "watchPathConfig.path", "must be relative to the directory, got '/etc/x'" },
        { "file", "eventType: CREATE\nwatchPathConfig: {directory: /d, pathRegexp: '(unclosed'}", "watchPathConfig.pathRegexp", "is not a valid regular expression" },
        { "generic", "insecure: true", "url", "is required" },
        { "gerrit", "events: [e]\ngerritBaseURL: u\nauth: {username: {name: s, key: u}, password: {name: s, key: p}}\n" + Webhook, "projects", "must list at least one item" },
        { "gerrit", "projects: [p]\ngerritBaseURL: u\nauth: {username: {name: s, key: u}, password: {name: s, key: p}}\n" + Webhook, "events", "must list at least one item" },
        { "gerrit", "projects: [p]\nevents: [e]\nauth: {username: {name: s, key: u}, password: {name: s, key: p}}\n" + Webhook, "gerritBaseURL", "is required" },
        { "gerrit", "projects: [p]\nevents: [e]\ngerritBaseURL: u\n" + Webhook, "auth", "is required" },
        { "github", Webhook, "", "needs repositories or organizations" },
        { "github", "organizations: [o]\nrepositories: [{owner: o, names: [r]}]\n" + Webhook, "", "must not have both repositories and organizations" },
        { "github", "organizations: [o]\napiToken: {name: s, key: t}\nwebhook: {endpoint: /x, port: \"1\", method: POST, url: http://x}", "events", "must list at least one event to create GitHub webhooks" },
        { "github", "organizations: [o]\ncontentType: xml\n" + Webhook, "contentType", "must be json or form, got 'xml'" },
        { "github", "organizations: [o]\ngithubBaseURL: https://ghe/api\n" + Webhook, "githubUploadURL", "is required when githubBaseURL is set" },
        { "gitlab", "gitlabBaseURL: u\naccessToken: {name: s, key: t}\n" + Webhook, "events", "must list at least one item" },
        { "gitlab", "events: [PushEvents]\naccessToken: {name: s, key: t}\n" + Webhook, "gitlabBaseURL", "is required" },
        { "gitlab", "events: [PushEvents]\ngitlabBaseURL: u\n" + Webhook, "accessToken", "is required" },
        { "hdfs", "directory: /tmp\npath: x\ntype: TOUCH\naddresses: [a]\nhdfsUser: u", "type", "must be one of CREATE, WRITE, REMOVE, RENAME, CHMOD (combined with '|'), got 'TOUCH'" },
        { "hdfs", "directory: /tmp\npath: x\ntype: CREATE\nhdfsUser: u", "addresses", "must list at least one item" },
        { "hdfs", "directory: tmp\npath: x\ntype: CREATE\naddresses: [a]\nhdfsUser: u", "directory", "must be an absolute path, got 'tmp'" },
        { "hdfs", "directory: /tmp\npath: x\ntype: CREATE\naddresses: [a]", "", "needs hdfsUser, krbCCacheSecret or krbKeytabSecret" },
        { "hdfs", "directory: /tmp\npath: x\ntype: CREATE\naddresses: [a]\nkrbKeytabSecret: {name: s, key: k}\nkrbServicePrincipalName: p\nkrbConfigConfigMap: {name: c, key: k}\nkrbUsername: u", "krbRealm", "is required" },
        { "kafka", "topic: t\npartition: \"0\"", "url", "is required" },
        { "kafka", "url: k\npartition: \"0\"", "topic", "is required" },
        { "kafka", "url: k\ntopic: t", "", "needs partition or consumerGroup" },
        { "kafka", "url: k\ntopic: t\npartition: \"0\"\nsasl: {mechanism: KERBEROS, userSecret: {name: s, key: u}, passwordSecret: {name: s, key: p}}", "sasl.mechanism", "must be one of PLAIN, OAUTHBEARER, SCRAM-SHA-256, SCRAM-SHA-512, GSSAPI; got 'KERBEROS'" },
        { "kafka", "url: k\ntopic: t\npartition: \"0\"\nsasl: {userSecret: {name: s, key: u}}", "sasl.passwordSecret", "is required" },
        { "kafka", "url: k\ntopic: t\npartition: \"0\"\nawsMskIamAuth: {}", "awsMskIamAuth.region", "is required" },
        { "minio", "endpoint: e\nsecretKey: {name: s, key: k}", "accessKey", "is required" },
        { "minio", "endpoint: e\naccessKey: {name: s, key: a}", "secretKey", "is required" },
        { "minio", "accessKey: {name: s, key: a}\nsecretKey: {name: s, key: k}", "endpoint", "is required" },
        { "minio", "endpoint: e\naccessKey: {name: s, key: a}\nsecretKey: {name: s, key: k}\nbucket: {key: k}", "bucket.name", "is required" },
        { "mns", "endpoint: e", "queue", "is required" },
        { "mns", "queue: q", "endpoint", "is required" },
        { "mqtt", "topic: t\nclientId: c", "url", "is required" },
        { "mqtt", "url: u\nclientId: c", "topic", "is required" },
        { "mqtt", "url: u\ntopic: t", "clientId", "is required" },
        { "nats", "subject: s", "url", "is required" },
        { "nats", "url: u", "subject", "is required" },
        { "nats", "url: u\nsubject: s\nqueue: \"\"", "queue", "must not be empty when written (leave it out for a plain subscription)" },
        { "nsq", "topic: t\nchannel: c", "hostAddress", "is required" },
        { "nsq", "hostAddress: h\nchannel: c", "topic", "is required" },
        { "nsq", "hostAddress: h\ntopic: t", "channel", "is required" },
        { "pubSub", "projectID: p", "", "needs topic or subscriptionID" },
        { "pubSub", "topicProjectID: p\nsubscriptionID: s", "topicProjectID", "needs topic to be set too" },
        { "pulsar", "url: u", "topics", "must list at least one item" },
        { "pulsar", "topics: [t]", "url", "is required" },
        { "pulsar", "topics: [t]\nurl: u\ntype: failover", "type", "must be exclusive or shared, got 'failover'" },
        { "redis", "channels: [c]", "hostAddress", "is required" },
        { "redis", "hostAddress: h", "channels", "must list at least one item" },
        { "redis", "hostAddress: h\nchannels: [c]\npassword: {name: s, key: p}", "namespace", "is required to read the password Secret" },
        { "redisStream", "streams: [s]", "hostAddress", "is required" },
        { "redisStream", "hostAddress: h", "streams", "must list at least one item" },
        { "redisStream", "hostAddress: h\nstreams: [s]\nmaxMsgCountPerRead: 0", "maxMsgCountPerRead", "must be positive, got 0" },
        { "resource", "resource: pods\neventTypes: [ADD]", "version", "is required" },
        { "resource", "version: v1\neventTypes: [ADD]", "resource", "is required" },
        { "resource", "version: v1\nresource: pods", "eventTypes", "must list at least one item" },
        { "resource", "version: v1\nresource: pods\neventTypes: [ADD, MODIFY]", "eventTypes[1]", "must be ADD, UPDATE or DELETE, got 'MODIFY'" },
        { "resource", "version: v1\nresource: pods\neventTypes: [ADD]\nfilter: {fields: [{value: x}]}", "filter.fields[0].key", "is required" },
        { "resource", "version: v1\nresource: pods\neventTypes: [ADD]\nfilter: {labels: [{key: a, operation: '~='}]}", "filter.labels[0].operation", "must be one of = == != in notin exists ! gt lt; got '~='" },
        { "sftp", "watchPathConfig: {directory: /d, path: x}", "eventType", "is required" },
        { "sftp", "eventType: CREATE", "watchPathConfig", "is required" },
        { "slack", "signingSecret: {name: s, key: k}\n" + Webhook, "token", "is required" },
        { "slack", "token: {name: s, key: t}\n" + Webhook, "signingSecret", "is required" },
        { "sns", "region: r\n" + Webhook, "topicArn", "is required" },
        { "sns", "topicArn: t\n" + Webhook, "region", "is required" },
        { "sqs", "queue: q", "region", "is required" },
        { "sqs", "region: r", "queue", "is required" },
        { "storageGrid", "apiURL: u\nauthToken: {name: s, key: t}\nbucket: b\nevents: [e]\n" + Webhook, "topicArn", "is required" },
        { "storageGrid", "topicArn: t\nauthToken: {name: s, key: t}\nbucket: b\nevents: [e]\n" + Webhook, "apiURL", "is required" },
        { "storageGrid", "topicArn: t\napiURL: u\nbucket: b\nevents: [e]\n" + Webhook, "authToken", "is required" },
        { "storageGrid", "topicArn: t\napiURL: u\nauthToken: {name: s, key: t}\nevents: [e]\n" + Webhook, "bucket", "is required" },
        { "storageGrid", "topicArn: t\napiURL: u\nauthToken: {name: s, key: t}\nbucket: b\n" + Webhook, "events", "must list at least one item" },
        { "stripe", "createWebhook: true\n" + Webhook, "apiKey", "is required when createWebhook is true" },
        { "webhook", "port: \"1\"\nmethod: POST", "endpoint", "is required" },
        { "webhook", "endpoint: /x\nmethod: POST", "port", "is required" },
        { "webhook", "endpoint: /x\nport: \"70000\"\nmethod: POST", "port", "must be a port number from 1 to 65535, got '70000'" },
        { "webhook", "endpoint: /x\nport: \"1\"", "method", "is required" },
        { "webhook", "endpoint: /x\nport: \"1\"\nmethod: POST\nmaxPayloadSize: 0", "maxPayloadSize", "must be a positive number of bytes, got 0" },
        { "webhook", "endpoint: /x\nport: \"1\"\nmethod: POST\nbasicAuth: {password: {name: s, key: p}}", "basicAuth.username", "is required" },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void Each_type_rule_is_enforced(string type, string body, string field, string problem)
    {
        var es = Manifests.EventSource($"{type}:\n  e:\n" + Indent(body, 4));
        var path = field.Length == 0 ? $"spec.{type}.e" : field.StartsWith('[') ? $"spec.{type}.e{field}" : $"spec.{type}.e.{field}";

        var error = Assert.Single(es.Validate());

        Assert.Equal(path, error.Path);
        Assert.StartsWith($"field '{path}' {problem}", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Location);
    }

    private static string Indent(string body, int spaces) =>
        string.Join('\n', body.Split('\n').Select(line => new string(' ', spaces) + line));
}
