using ArgoEvents.Api.V1Alpha1;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ArgoEvents.Api.Tests;

public sealed class SensorCorpusTests
{
    private const string Missing = "<corpus missing>";

    public static TheoryData<string, int> SensorDocuments()
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
                    kind is YamlScalarNode { Value: Sensor.KindName })
                {
                    data.Add(Path.GetRelativePath(root, file), i);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// Loads one Sensor document of a corpus file. A few of Argo's examples put a non-Argo object (a WorkflowTemplate)
    /// in the same file, which the loader refuses by design; for those the Sensor document is loaded on its own, with
    /// the other documents blanked (split on "---" lines) so that lines and columns still match the file.
    /// </summary>
    private static Sensor Load(string file, int document)
    {
        var path = Path.Combine(ArgoExamples.Directory!, file);
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.All(d => d.RootNode is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("kind"), out var k) &&
                                      k is YamlScalarNode { Value: Sensor.KindName or EventSource.KindName or EventBus.KindName }))
        {
            return Assert.IsType<Sensor>(ManifestLoader.LoadFile(path).Single(o => o.Source!.DocumentIndex == document));
        }

        var kept = new List<string>();
        var index = 0;
        var hasContent = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                // A separator before any content does not end a document.
                index += hasContent ? 1 : 0;
                hasContent = false;
                kept.Add(string.Empty);
                continue;
            }

            hasContent |= line.Trim().Length > 0 && !line.TrimStart().StartsWith('#');
            kept.Add(index == document ? line : string.Empty);
        }

        return Manifests.LoadSingle<Sensor>(string.Join('\n', kept), path);
    }

    [Theory]
    [MemberData(nameof(SensorDocuments))]
    public void Every_Sensor_example_loads_and_validates(string file, int document)
    {
        Assert.SkipWhen(file == Missing, ArgoExamples.MissingMessage);

        var sensor = Load(file, document);

        Assert.Empty(sensor.Validate());
        Assert.NotEmpty(sensor.Spec.Dependencies);
        Assert.All(sensor.Spec.Triggers, trigger => Assert.NotNull(trigger.Template!.Type));
    }

    [Theory]
    [MemberData(nameof(SensorDocuments))]
    public void Every_Sensor_example_survives_the_base64_json_round_trip(string file, int document)
    {
        Assert.SkipWhen(file == Missing, ArgoExamples.MissingMessage);
        var sensor = Load(file, document);

        var copy = ManifestLoader.LoadFromBase64Json<Sensor>(sensor.ToBase64Json(), "SENSOR_OBJECT");

        Assert.Equal(sensor.ToJson(), copy.ToJson());
        Assert.Empty(copy.Validate());
    }

    [Fact]
    public void The_corpus_sensors_cover_most_trigger_types()
    {
        var root = ArgoExamples.Directory;
        Assert.SkipWhen(root is null, ArgoExamples.MissingMessage);

        var sensors = ManifestLoader.ReadDirectory(Path.Combine(root!, "sensors")).Objects.OfType<Sensor>().ToList();
        var types = sensors.SelectMany(s => s.Spec.Triggers).Select(t => t.Template!.Type!.Value).ToHashSet();

        Assert.True(sensors.Count >= 78, $"only {sensors.Count} Sensors loaded from sensors/");
        Assert.True(types.Count >= 12, $"only {types.Count} trigger types: {string.Join(", ", types)}");
    }
}
