using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

/// <summary>Spellings and placements found in Argo's own examples that Argo 1.9 still reads or silently drops.</summary>
public sealed class SensorCompatibilityTests
{
    [Fact]
    public void AtLeastOnce_and_policy_inside_the_template_are_accepted_and_ignored_as_Argo_does()
    {
        var sensor = SensorManifests.WithTriggers("""
            triggers:
              - template:
                  name: t
                  atLeastOnce: true
                  policy: {status: {allow: [200]}}
                  http: {url: http://x}
            """);

        var trigger = sensor.Spec.Triggers[0];

        Assert.Empty(sensor.Validate());
        Assert.False(trigger.AtLeastOnce);
        Assert.Null(trigger.Policy);
        Assert.True(trigger.Template!.MisplacedAtLeastOnce);
        Assert.Equal([200], trigger.Template.MisplacedPolicy!.Status!.Allow);
    }

    [Fact]
    public void The_lowercase_openwhisk_key_is_the_openWhisk_trigger()
    {
        var sensor = SensorManifests.WithTriggers("""
            triggers:
              - template:
                  name: t
                  openwhisk:
                    host: h
                    actionName: a
                    payload: [{src: {dependencyName: dep-a}, dest: x}]
            """);

        var template = sensor.Spec.Triggers[0].Template!;

        Assert.Empty(sensor.Validate());
        Assert.Equal(TriggerType.OpenWhisk, template.Type);
        Assert.Equal("a", template.EffectiveOpenWhisk!.ActionName);
        Assert.Contains("\"openwhisk\":", sensor.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_openWhisk_spellings_at_once_are_two_trigger_types()
    {
        var sensor = SensorManifests.WithTriggers("""
            triggers:
              - template:
                  name: t
                  openWhisk: {host: h, actionName: a, payload: [{src: {dependencyName: dep-a}, dest: x}]}
                  openwhisk: {host: h, actionName: a, payload: [{src: {dependencyName: dep-a}, dest: x}]}
            """);

        var error = Assert.Single(sensor.Validate());

        Assert.Contains("defines 2 trigger types (openWhisk, openwhisk)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lowercase_verifycert_key_is_verifyCert()
    {
        var sensor = SensorManifests.WithTriggers("""
            triggers:
              - template:
                  name: t
                  k8s:
                    source: {url: {path: "https://x/pod.yaml", verifycert: true}}
            """);

        Assert.Empty(sensor.Validate());
        Assert.True(sensor.Spec.Triggers[0].Template!.K8s!.Source!.Url!.EffectiveVerifyCert);
    }

    [Fact]
    public void Pre_1_0_fields_of_k8s_triggers_and_sources_are_accepted_and_ignored()
    {
        var sensor = SensorManifests.WithTriggers("""
            triggers:
              - template:
                  name: a
                  k8s:
                    group: argoproj.io
                    version: v1alpha1
                    resource: workflows
                    source: {configmap: {name: cm, key: wf, namespace: argo-events}}
              - template:
                  name: b
                  k8s:
                    source: {git: {url: u, cloneDirectory: /c, filePath: f, sshKeyPath: /k, namespace: argo-events}}
            """);

        Assert.Empty(sensor.Validate());
        Assert.Equal("workflows", sensor.Spec.Triggers[0].Template!.K8s!.DeprecatedResource);
        Assert.Equal("/k", sensor.Spec.Triggers[1].Template!.K8s!.Source!.Git!.DeprecatedSshKeyPath);
    }

    [Fact]
    public void A_dependency_name_overwritten_by_the_triggers_own_parameters_is_not_looked_up()
    {
        var sensor = SensorManifests.WithTriggers("""
            triggers:
              - template:
                  name: t
                  argoWorkflow:
                    operation: submit
                    source: {resource: {kind: Workflow}}
                    parameters:
                      - src: {dependencyName: PLACEHOLDER}
                        dest: spec.arguments
                parameters:
                  - src: {dependencyName: dep-a, dataKey: body.dependency}
                    dest: argoWorkflow.parameters.0.src.dependencyName
            """);

        Assert.Empty(sensor.Validate());
    }

    [Fact]
    public void A_placeholder_dependency_name_that_nothing_overwrites_is_an_error()
    {
        var sensor = SensorManifests.WithTriggers("""
            triggers:
              - template:
                  name: t
                  argoWorkflow:
                    operation: submit
                    source: {resource: {kind: Workflow}}
                    parameters:
                      - src: {dependencyName: PLACEHOLDER}
                        dest: spec.arguments
                parameters:
                  - src: {dependencyName: dep-a, dataKey: body.dest}
                    dest: argoWorkflow.parameters.0.dest
            """);

        var error = Assert.Single(sensor.Validate());

        Assert.Equal("spec.triggers[0].template.argoWorkflow.parameters[0].src.dependencyName", error.Path);
    }
}
