using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class ManifestNodeTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("0x1F", "31")]
    [InlineData("1.5e3", "1.5e3")]
    [InlineData("+.5", "0.5")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("~", "null")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("'42'", "\"42\"")]
    [InlineData("!!str 42", "\"42\"")]
    [InlineData("!!bool yes", "true")]
    [InlineData("10Gi", "\"10Gi\"")]
    public void Untyped_scalars_are_written_as_yaml_1_2_reads_them(string yaml, string json)
    {
        var es = Manifests.EventSource($"template:\n  affinity:\n    value: {yaml}\nsqs:\n  q: {{region: r, queue: q}}");

        Assert.Equal($$"""{"value":{{json}}}""", es.Spec.Template!.Affinity!.ToJsonString());
    }

    [Fact]
    public void Untyped_nodes_keep_their_positions()
    {
        var es = Manifests.EventSource("template:\n  securityContext:\n    runAsUser: 1000\nsqs:\n  q: {region: r, queue: q}");

        var mapping = Assert.IsType<ManifestMapping>(es.Spec.Template!.SecurityContext);
        Assert.True(mapping.TryGetValue("runAsUser", out var value));
        Assert.Equal((8, 18), (value.Line, value.Column));
        Assert.Equal(ManifestScalarType.Integer, Assert.IsType<ManifestScalar>(value).Type);
    }

    [Fact]
    public void Nodes_built_in_code_refuse_duplicate_keys()
    {
        var key = new ManifestScalar("a", isQuoted: false);
        var value = new ManifestScalar("1", isQuoted: false);

        Assert.Throws<ArgumentException>(() => new ManifestMapping([new(key, value), new(key, value)]));
        Assert.Equal("""{"a":[1,"1"]}""", new ManifestMapping([new(key, new ManifestSequence([value, new ManifestScalar("1", isQuoted: true)]))]).ToJsonString());
    }

    [Fact]
    public void Map_keys_that_are_not_plain_words_are_quoted_in_field_paths()
    {
        var error = Manifests.LoadError("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: es
              annotations:
                events.argoproj.io/leader-election: {mode: k8s}
            """);

        Assert.Equal("field 'metadata.annotations['events.argoproj.io/leader-election']' must be a single value, got a mapping", error.Message);
    }

    [Fact]
    public void Validation_locates_fields_under_quoted_event_names()
    {
        var es = Manifests.EventSource("webhook:\n  \"with space\": {endpoint: /x, port: \"1\"}");

        var errors = es.Validate();

        Assert.Equal(2, errors.Count);
        var missingMethod = Assert.Single(errors, e => e.Path == "spec.webhook['with space'].method");
        Assert.Equal(new SourceLocation("test.yaml", 7, 5), missingMethod.Location);
    }
}
