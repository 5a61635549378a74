using System.Text;
using System.Text.Json;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.Sensors.Filters;
using ArgoEvents.Sensors.Filters.Gjson;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Filters;

/// <summary>
/// The raw-bytes lookup of plain key paths must select exactly what the document-based gjson evaluator selects, and a
/// dependency filter must give the same result whichever way it reads the data.
/// </summary>
public sealed class GjsonRawLocatorTests
{
    private const string Document = """
        { "header" : {"X-Tricky": ["a\"}]{[", "b\\"]},
          "body": {"kind":"order", "n": -1.5e3, "ok": true, "none": null, "empty": {}, "list": [ [1,2], {"k":"v"}, "x" ],
                   "a.b": 1, "esc\u0061ped": "yes", "nested": {"deep": {"er": [10, 20, {"est": "found"}]}}},
          "0": "zero-key", "arr": [{"0": "in-object"}] }
        """;

    [Theory]
    [InlineData("body.kind")]
    [InlineData("body.n")]
    [InlineData("body.ok")]
    [InlineData("body.none")]
    [InlineData("body.empty")]
    [InlineData("body.list")]
    [InlineData("body.list.0")]
    [InlineData("body.list.0.1")]
    [InlineData("body.list.1.k")]
    [InlineData("body.list.2")]
    [InlineData("body.list.3")]
    [InlineData("body.nested.deep.er.2.est")]
    [InlineData("body.escaped")]
    [InlineData(@"body.a\.b")]
    [InlineData("header.X-Tricky.0")]
    [InlineData("header.X-Tricky.1")]
    [InlineData("0")]
    [InlineData("arr.0.0")]
    [InlineData("body.missing")]
    [InlineData("body.kind.deeper")]
    [InlineData("body.list.k")]
    public void SelectsWhatTheDocumentEvaluatorSelects(string path)
    {
        var compiled = GjsonPath.Compile(path);
        Assert.NotNull(compiled.RawLocator);
        using var document = JsonDocument.Parse(Document);
        var expected = compiled.Get(document.RootElement);
        var bytes = Encoding.UTF8.GetBytes(Document);
        var found = compiled.RawLocator!.TryLocate(bytes, out var start, out var length);
        Assert.Equal(expected.Exists, found);
        if (found)
        {
            using var value = JsonDocument.Parse(bytes.AsMemory(start, length));
            Assert.Equal(expected.Raw, value.RootElement.GetRawText());
        }
    }

    [Fact]
    public void TheFirstOfDuplicateKeysWins_AsInGjson()
    {
        var locator = GjsonPath.Compile("a").RawLocator!;
        var bytes = """{"a":1,"a":2}"""u8.ToArray();
        Assert.True(locator.TryLocate(bytes, out var start, out var length));
        Assert.Equal("1", Encoding.UTF8.GetString(bytes, start, length));
    }

    [Theory]
    [InlineData("body.*")]
    [InlineData("body.list.#")]
    [InlineData("body.list.#(k==\"v\")")]
    [InlineData("[body.kind,body.n]")]
    public void PathsBeyondPlainKeys_HaveNoRawLocator(string path) => Assert.Null(GjsonPath.Compile(path).RawLocator);

    [Theory]
    [InlineData("body.kind", "string", "^order$", null, true)]
    [InlineData("body.kind", "string", "^refund$", null, true)]
    [InlineData("body.n", "number", "-1000", "<", true)]
    [InlineData("body.ok", "bool", "true", null, true)]
    [InlineData("body.missing", "string", "x", null, true)]
    [InlineData("body.list.1.k", "string", "v", "!=", true)]
    [InlineData("body.kind", "string", "order", null, false)]
    public void DependencyFilter_GivesTheSameResult_OnRawOrParsedData(string path, string type, string value, string? comparator, bool and)
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec
        {
            Data = [new DataFilterSpec(path, type, [value], comparator), new DataFilterSpec("body.ok", "bool", ["true"])],
            DataLogicalOperator = and ? "and" : "or",
        });
        var bytes = Encoding.UTF8.GetBytes(Document);
        Assert.Equal(filter.Evaluate(null, bytes, dataIsWellFormedJson: false), filter.Evaluate(null, bytes, dataIsWellFormedJson: true));
    }

    [Theory]
    [InlineData("body.missing.x", "body.list.1.k", "body.list.0.1")]
    [InlineData("body.list.1.k", "body.list.0.1", "body.nested.deep.er.2.est")]
    [InlineData("body.nested.deep.er.2.est", "body.nested.deep.er.1", "header.X-Tricky.1")]
    [InlineData("body.kind.deeper", "body.kind", "body.n")]
    public void FiltersSharingPathPrefixes_GiveTheSameResults_OnRawOrParsedData(string first, string second, string third)
    {
        foreach (var op in new[] { "and", "or" })
        {
            using var filter = new DependencyFilter(new DependencyFilterSpec
            {
                Data =
                [
                    new DataFilterSpec(first, "string", [".*"]),
                    new DataFilterSpec(second, "string", [".*"]),
                    new DataFilterSpec(third, "string", ["^nomatch$"]),
                ],
                DataLogicalOperator = op,
            });
            var bytes = Encoding.UTF8.GetBytes(Document);
            Assert.Equal(filter.Evaluate(null, bytes, dataIsWellFormedJson: false), filter.Evaluate(null, bytes, dataIsWellFormedJson: true));
        }
    }

    [Fact]
    public void SiblingPaths_ResolveTheirValues_WhenResumingFromASharedPrefix()
    {
        using var filter = new DependencyFilter(new DependencyFilterSpec
        {
            Data =
            [
                new DataFilterSpec("body.nested.deep.er.0", "number", ["10"]),
                new DataFilterSpec("body.nested.deep.er.2.est", "string", ["^found$"]),
                new DataFilterSpec("body.n", "number", ["-1500"]),
            ],
        });
        Assert.Equal(FilterResult.Pass, filter.Evaluate(null, Encoding.UTF8.GetBytes(Document), dataIsWellFormedJson: true));
    }

    [Fact]
    public void CloudEventData_ReadAsJson_IsMarkedWellFormed_AndSetDataIsNot()
    {
        var read = CloudEventJsonFormat.Parse("""{"specversion":"1.0","id":"1","source":"s","type":"t","datacontenttype":"application/json","data":{"a":1}}"""u8.ToArray());
        Assert.True(read.DataIsReadJson);
        var text = CloudEventJsonFormat.Parse("""{"specversion":"1.0","id":"1","source":"s","type":"t","datacontenttype":"text/plain","data":"{not json"}"""u8.ToArray());
        Assert.False(text.DataIsReadJson);
        read.SetData("{not json"u8.ToArray());
        Assert.False(read.DataIsReadJson);
    }
}
