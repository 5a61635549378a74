using ArgoEvents.Api.V1Alpha1;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ArgoEvents.Api.Tests;

public sealed class CorpusTests
{
    private const string Missing = "<corpus missing>";

    public static TheoryData<string, int> EventSourceAndEventBusDocuments()
    {
        var data = new TheoryData<string, int>();
        if (ArgoExamples.Directory is not { } root)
        {
            data.Add(Missing, 0);
            return data;
        }

        // The kinds are found with YamlDotNet's own object model, independently of the loader under test.
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            for (var i = 0; i < stream.Documents.Count; i++)
            {
                if (stream.Documents[i].RootNode is YamlMappingNode mapping &&
                    mapping.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) &&
                    kind is YamlScalarNode { Value: EventSource.KindName or EventBus.KindName })
                {
                    data.Add(Path.GetRelativePath(root, file), i);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventSourceAndEventBusDocuments))]
    public void Every_EventSource_and_EventBus_example_loads_and_validates(string file, int document)
    {
        Assert.SkipWhen(file == Missing, ArgoExamples.MissingMessage);

        var path = Path.Combine(ArgoExamples.Directory!, file);

        var loaded = ManifestLoader.LoadFile(path).Single(o => o.Source!.DocumentIndex == document);

        Assert.Empty(loaded.Validate());
        Assert.Equal(path, loaded.Source!.Name);
        Assert.True(loaded is EventSource or EventBus);
    }

    [Fact]
    public void The_corpus_covers_many_event_source_types()
    {
        var root = ArgoExamples.Directory;
        Assert.SkipWhen(root is null, ArgoExamples.MissingMessage);

        var types = ManifestLoader.ReadDirectory(Path.Combine(root!, "event-sources")).Objects
            .OfType<EventSource>()
            .SelectMany(es => es.Spec.UsedTypes)
            .Select(t => t.SpecKey)
            .ToHashSet();

        Assert.True(types.Count >= 30, $"only {types.Count} types: {string.Join(", ", types)}");
    }

    [Theory]
    [MemberData(nameof(EventSourceAndEventBusDocuments))]
    public void Every_example_survives_the_json_round_trip(string file, int document)
    {
        Assert.SkipWhen(file == Missing, ArgoExamples.MissingMessage);
        var loaded = ManifestLoader.LoadFile(Path.Combine(ArgoExamples.Directory!, file)).Single(o => o.Source!.DocumentIndex == document);

        var copy = ManifestLoader.LoadFromBase64Json(loaded.ToBase64Json(), file);

        Assert.Equal(loaded.ToJson(), copy.ToJson());
        Assert.Empty(copy.Validate());
    }
}
