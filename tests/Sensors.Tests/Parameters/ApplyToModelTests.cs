using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters;
using Xunit;
using static ArgoEvents.Sensors.Tests.Parameters.ParameterTestEvents;

namespace ArgoEvents.Sensors.Tests.Parameters;

// Argo's ApplyTemplateParameters / ApplyResourceParameters on the Api model.
public class ApplyToModelTests
{
    private const string SensorYaml = """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: complete-trigger-parameterization
        spec:
          dependencies:
            - name: test-dep
              eventSourceName: webhook
              eventName: example
          triggers:
            - template:
                name: THIS_WILL_BE_REPLACED_BY_NAME_FROM_EVENT
                k8s:
                  operation: create
                  source:
                    s3:
                      bucket:
                        name: THIS_WILL_BE_REPLACED_BUCKET_FROM_EVENT
                        key: THIS_WILL_BE_REPLACED_KEY_FROM_EVENT
                      endpoint: minio-service.argo-events
                      insecure: true
                      accessKey:
                        key: accesskey
                        name: artifacts-minio
                      secretKey:
                        key: secretkey
                        name: artifacts-minio
              parameters:
                - src:
                    dependencyName: test-dep
                    dataKey: name
                  dest: name
                - src:
                    dependencyName: test-dep
                    dataKey: bucket
                  dest: k8s.source.s3.bucket.name
                - src:
                    dependencyName: test-dep
                    dataKey: key
                  dest: k8s.source.s3.bucket.key
                - src:
                    dependencyName: test-dep
                    dataKey: port
                  dest: k8s.source.s3.endpoint
                  operation: append
        """;

    [Fact]
    public void Template_parameters_of_argos_complete_parameterization_example()
    {
        var sensor = (Sensor)ManifestLoader.LoadString(SensorYaml, "complete-trigger-parameterization.yaml").Single();
        var trigger = sensor.Spec!.Triggers[0];
        var events = new Dictionary<string, SensorEvent>
        {
            ["test-dep"] = Event("""{"name": "wf-trigger", "bucket": "workflows", "key": "hello.yaml", "port": ":9000"}"""),
        };

        var template = TriggerParameters.ApplyToModel(trigger.Template!, trigger.Parameters, events);

        Assert.Equal("wf-trigger", template.Name);
        Assert.Equal("workflows", template.K8s!.Source!.S3!.Bucket!.Name);
        Assert.Equal("hello.yaml", template.K8s.Source.S3.Bucket.Key);
        Assert.Equal("minio-service.argo-events:9000", template.K8s.Source.S3.Endpoint);
        Assert.True(template.K8s.Source.S3.Insecure);
        Assert.Equal("create", template.K8s.Operation);
        Assert.Equal("artifacts-minio", template.K8s.Source.S3.AccessKey!.Name);
        Assert.Equal("THIS_WILL_BE_REPLACED_BY_NAME_FROM_EVENT", trigger.Template!.Name);
    }

    [Fact]
    public void Argos_apply_template_parameters_case_sets_k8s_group()
    {
        var template = new TriggerTemplate { Name = "fake-trigger", K8s = new StandardK8sTrigger() };
        var result = TriggerParameters.ApplyToModel(template, [Param(DataKey("group"), "k8s.group", "overwrite")], EventsWith("""{"group": "fake" }"""));
        Assert.Equal("fake", result.K8s!.DeprecatedGroup);
        Assert.Equal("fake-trigger", result.Name);
    }

    [Fact]
    public void Raw_number_binds_to_a_numeric_field()
    {
        var template = new TriggerTemplate { Name = "t", Http = new HttpTrigger { Url = "http://example", Timeout = 5 } };
        var result = TriggerParameters.ApplyToModel(template, [Param(DataKey("timeout", raw: true), "http.timeout")], EventsWith("""{"timeout": 30}"""));
        Assert.Equal(30, result.Http!.Timeout);
        Assert.Equal("http://example", result.Http.Url);
    }

    [Fact]
    public void No_parameters_return_the_same_instance()
    {
        var template = new TriggerTemplate { Name = "t" };
        Assert.Same(template, TriggerParameters.ApplyToModel(template, [], EventsWith("{}")));
    }

    [Fact]
    public void Result_that_does_not_fit_the_model_is_refused_naming_the_field()
    {
        var template = new TriggerTemplate { Name = "t", Http = new HttpTrigger { Url = "http://example" } };
        var e = Assert.Throws<TriggerParameterException>(() =>
            TriggerParameters.ApplyToModel(template, [Param(DataKey("v"), "http.notAField")], EventsWith("""{"v": "x"}""")));
        Assert.Contains("TriggerTemplate", e.Message);
        Assert.Contains("notAField", e.Message);
    }

    [Fact]
    public void Wrong_value_type_is_refused()
    {
        var template = new TriggerTemplate { Name = "t", Http = new HttpTrigger { Url = "http://example" } };
        var e = Assert.Throws<TriggerParameterException>(() =>
            TriggerParameters.ApplyToModel(template, [Param(DataKey("v", raw: true), "http.timeout")], EventsWith("""{"v": {"a": 1}}""")));
        Assert.Contains("timeout", e.Message);
    }
}
