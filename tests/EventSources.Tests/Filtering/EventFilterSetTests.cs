using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Filtering;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Filtering;

public sealed class EventFilterSetTests
{
    private static EventSource Load(string yaml) => ManifestLoader.LoadString(yaml).OfType<EventSource>().Single();

    [Fact]
    public void Every_events_filter_is_compiled_by_event_name()
    {
        var filters = EventFilterSet.Compile(Load("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: mixed
            spec:
              webhook:
                kept:
                  port: "12000"
                  endpoint: /kept
                  method: POST
                  filter:
                    expression: body.kind == "keep"
                plain:
                  port: "12000"
                  endpoint: /plain
                  method: POST
            """));

        Assert.Equal(1, filters.Count);
        Assert.Equal("body.kind == \"keep\"", filters.For("kept")!.Expression);
        Assert.Null(filters.For("plain"));
    }

    [Fact]
    public void Refused_expressions_are_all_listed_with_their_field_and_column()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EventFilterSet.Compile(Load("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: refused
            spec:
              redis:
                first:
                  hostAddress: 127.0.0.1:6379
                  channels: [a]
                  filter:
                    expression: all(body, true)
                second:
                  hostAddress: 127.0.0.1:6379
                  channels: [b]
                  filter:
                    expression: body.x == 1 | 2
            """)));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("spec.redis.first.filter.expression: the function 'all' takes a predicate", lines[0], StringComparison.Ordinal);
        Assert.Contains("(column 1)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("spec.redis.second.filter.expression: pipes ('|') are not supported (column 13)", lines[1], StringComparison.Ordinal);
    }
}
