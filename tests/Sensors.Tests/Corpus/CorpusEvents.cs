using System.Text.Json.Nodes;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// The event published for each dependency of a corpus sensor: a webhook-shaped payload (<c>{"header":…,"body":…}</c>)
/// that also carries the top-level fields the corpus' parameters read from other event sources (calendar, S3
/// notifications), merged (RFC 7386) with a per-file override crafted to pass that sensor's filters.
/// </summary>
internal static class CorpusEvents
{
    private const string Default = """
        {
          "header": {"Content-Type": ["application/json"]},
          "body": {"message": "hello", "name": "corpus", "to": "ops@example.com", "channel": "general"},
          "name": "corpus",
          "eventTime": "2026-01-01T00:00:00Z",
          "notification": [{"s3": {"bucket": {"name": "argo-workflow-input"}, "object": {"key": "hello.txt"}}}],
          "s3": {"bucket": {"name": "argo-workflow-input"}, "object": {"key": "hello.txt"}}
        }
        """;

    private const string DataFilters = """{"a": true, "b": {"c": 3.14, "d": "hello, world"}}""";
    private const string ExprFilters = """{"a": "b", "a-longer-name": 10, "nested": {"path": {"can-get": {"longer": false}}}}""";
    private const string MixedFilters = """{"a": "b", "c": 10, "d": {"e": false}}""";

    /// <summary>
    /// Documents no event can fire under Argo's semantics, with the reason: the test publishes the events all the same
    /// and asserts that no trigger fires.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NeverFires { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Events reach a dependency only when their source is its eventSourceName ('webhook'); the context filter then
        // asks for source 'custom-webhook', which such an event never has.
        ["sensors/filter-with-context.yaml"] = "its context filter wants source 'custom-webhook', but its dependency only receives events whose source is 'webhook'",
    };

    /// <summary>Per file: the override of every dependency's data.</summary>
    private static readonly Dictionary<string, string> Overrides = new(StringComparer.Ordinal)
    {
        ["extra/e2e/sensor-duplicate-deps-filter.yaml"] = """{"metadata": {"baz": "1.0", "foo": "baz"}}""",
        ["sensors/filter-script.yaml"] = """{"body": {"a": "b", "d": {"e": "z"}}}""",
        ["sensors/filter-with-data-advanced.yaml"] = DataFilters,
        ["sensors/filter-with-multiple-data-filters-in-or.yaml"] = DataFilters,
        ["sensors/filter-with-data-simple-3.yaml"] = """{"body": {"value": 50}}""",
        ["sensors/filter-with-data-simple-4.yaml"] = """{"body": {"value": 60}}""",
        ["sensors/filter-with-expressions.yaml"] = ExprFilters,
        ["sensors/filter-with-multiple-expr-filters-in-or.yaml"] = ExprFilters,
        ["sensors/filter-with-multiple-filters-in-or.yaml"] = MixedFilters,
        ["sensors/filter-with-multiple-filters-mixed.yaml"] = MixedFilters,
        ["sensors/filter-with-multiple-filters.yaml"] = MixedFilters,
        ["sensors/filter-with-data-simple-2.yaml"] = """{"bucket": "argo-workflow-input"}""",
        ["sensors/github.yaml"] = """
            {"headers": {"X-Github-Event": "pull_request"},
             "body": {"action": "opened", "pull_request": {"state": "open", "base": {"ref": "master"}, "number": 7, "title": "Corpus",
                      "head": {"sha": "0123456789abcdef"}}}}
            """,
        ["sensors/gitlab-emoji.yaml"] = """
            {"body": {"object_kind": "emoji", "user": {"username": "corpus"}, "object_attributes": {"name": "thumbsup", "awardable_type": "Issue"},
                      "issue": {"title": "Corpus issue"}}}
            """,
        ["extra/tutorials/02-parameterization-sensor-05.yaml"] = """
            {"body": {"dependencyName": "test-dep", "dataKey": "body.message", "dest": "spec.arguments.parameters.0.value"}}
            """,
        ["sensors/azure-events-hub.yaml"] = """{"body": {"messsage": "hello"}}""",
        ["sensors/multi-dependencies.yaml"] = """{"body": {"a": "hello"}}""",
        ["sensors/redis-streams.yaml"] = """{"values": {"message": "hello"}}""",
    };

    /// <summary>The data of the event for any dependency of <paramref name="file"/>.</summary>
    public static string DataFor(string file)
    {
        var data = JsonNode.Parse(Default)!;
        if (Overrides.TryGetValue(file, out var patch))
        {
            data = Merge(data, JsonNode.Parse(patch));
        }

        return data!.ToJsonString();
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = Merge(result[key]?.DeepClone(), value);
            }
        }

        return result;
    }
}
