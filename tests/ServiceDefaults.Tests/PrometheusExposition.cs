using System.Globalization;
using System.Text;
using Xunit;

namespace ArgoEvents.ServiceDefaults.Tests;

/// <summary>A strict reader of the text format 0.0.4, written from the format's rules, used to check our output.</summary>
internal sealed class PrometheusExposition
{
    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Help { get; } = new(StringComparer.Ordinal);

    public List<Sample> Samples { get; } = [];

    public static PrometheusExposition Parse(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var exposition = new PrometheusExposition();
        string? currentFamily = null;
        foreach (var line in text[..^1].Split('\n'))
        {
            Assert.False(string.IsNullOrEmpty(line), "the exposition has an empty line");
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line["# HELP ".Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var name = rest[..space];
                Assert.True(exposition.Help.TryAdd(name, UnescapeHelp(rest[(space + 1)..])), $"second HELP for {name}");
                currentFamily = name;
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line["# TYPE ".Length..].Split(' ');
                Assert.Equal(2, parts.Length);
                Assert.Equal(currentFamily, parts[0]);
                Assert.Contains(parts[1], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(exposition.Types.TryAdd(parts[0], parts[1]), $"second TYPE for {parts[0]}");
            }
            else
            {
                Assert.False(line.StartsWith('#'), $"unexpected comment: {line}");
                var sample = ParseSample(line);
                Assert.NotNull(currentFamily);
                Assert.True(
                    sample.Name == currentFamily || (exposition.Types[currentFamily] == "histogram" && sample.Name is var n && (n == currentFamily + "_bucket" || n == currentFamily + "_sum" || n == currentFamily + "_count")),
                    $"sample {sample.Name} is outside its family {currentFamily}");
                exposition.Samples.Add(sample);
            }
        }

        return exposition;
    }

    public IEnumerable<Sample> Named(string name) => Samples.Where(s => s.Name == name);

    private static Sample ParseSample(string line)
    {
        var position = 0;
        while (position < line.Length && (char.IsAsciiLetterOrDigit(line[position]) || line[position] is '_' or ':'))
        {
            position++;
        }

        var name = line[..position];
        Assert.Matches("^[a-zA-Z_:][a-zA-Z0-9_:]*$", name);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var labelOrder = new List<string>();
        if (line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var nameStart = position;
                while (line[position] != '=')
                {
                    position++;
                }

                var labelName = line[nameStart..position];
                Assert.Matches("^[a-zA-Z_][a-zA-Z0-9_]*$", labelName);
                Assert.Equal('"', line[position + 1]);
                position += 2;
                var value = new StringBuilder();
                while (line[position] != '"')
                {
                    if (line[position] == '\\')
                    {
                        position++;
                        value.Append(line[position] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            var other => throw new FormatException($"bad escape \\{other} in {line}"),
                        });
                    }
                    else
                    {
                        value.Append(line[position]);
                    }

                    position++;
                }

                position++;
                Assert.True(labels.TryAdd(labelName, value.ToString()), $"label {labelName} repeated in {line}");
                labelOrder.Add(labelName);
                if (line[position] == ',')
                {
                    position++;
                }
            }

            position++;
        }

        Assert.Equal(' ', line[position]);
        var valueText = line[(position + 1)..];
        var number = valueText switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, labelOrder, number, line);
    }

    private static string UnescapeHelp(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                result.Append(text[i] switch
                {
                    '\\' => '\\',
                    'n' => '\n',
                    var other => throw new FormatException($"bad escape \\{other} in HELP"),
                });
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    internal sealed record Sample(string Name, Dictionary<string, string> Labels, List<string> LabelOrder, double Value, string Line)
    {
        public bool Has(string label, string value) => Labels.TryGetValue(label, out var actual) && actual == value;
    }
}
