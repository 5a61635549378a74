using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArgoEvents.Bench;

/// <summary>One figure of a suite.</summary>
public sealed record BenchResult(string Name, double Value, string Unit);

/// <summary>What a run prints: a table for people, or one JSON object for tools.</summary>
public sealed record BenchReport(string Suite, string Machine, DateTimeOffset Date, IReadOnlyList<BenchResult> Results)
{
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("suite", Suite);
            writer.WriteString("machine", Machine);
            writer.WriteString("date", Date.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            writer.WriteStartArray("results");
            foreach (var result in Results)
            {
                writer.WriteStartObject();
                writer.WriteString("name", result.Name);
                writer.WriteNumber("value", Math.Round(result.Value, 3));
                writer.WriteString("unit", result.Unit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"suite {Suite} on {Machine}, {Date:yyyy-MM-dd HH:mm} UTC");
        var width = Results.Max(r => r.Name.Length);
        foreach (var result in Results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {result.Name.PadRight(width)}  {result.Value,14:N2}  {result.Unit}");
        }

        return text.ToString();
    }
}
