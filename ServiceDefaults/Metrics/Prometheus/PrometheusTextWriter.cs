using System.Text;

namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>
/// Writes instruments as the Prometheus text exposition format 0.0.4: per family <c># HELP</c>, <c># TYPE</c>, then
/// its samples. Families are ordered by name and samples by labels, so two scrapes differ only in values.
/// </summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<InstrumentState> instruments)
    {
        var families = new SortedDictionary<string, MetricFamily>(StringComparer.Ordinal);
        // A fixed visiting order makes the winner of a name clash between two meters the same on every scrape.
        foreach (var instrument in instruments.OrderBy(i => i.Instrument.Meter.Name, StringComparer.Ordinal).ThenBy(i => i.Instrument.Name, StringComparer.Ordinal))
        {
            if (!families.TryGetValue(instrument.Name, out var family))
            {
                family = new MetricFamily(instrument.Name, instrument.Type, instrument.Help);
                families.Add(instrument.Name, family);
            }
            else if (family.Type != instrument.Type)
            {
                // One name cannot carry two types in one exposition; the first instrument keeps it.
                continue;
            }

            foreach (var series in instrument.Series)
            {
                family.Series.TryAdd(series.LabelText, series);
            }
        }

        var text = new StringBuilder();
        foreach (var family in families.Values)
        {
            if (family.Series.Count > 0)
            {
                WriteFamily(text, family);
            }
        }

        return text.ToString();
    }

    private static void WriteFamily(StringBuilder text, MetricFamily family)
    {
        text.Append("# HELP ").Append(family.Name).Append(' ').Append(PrometheusText.EscapeHelp(family.Help)).Append('\n');
        text.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Type)).Append('\n');
        foreach (var (labels, series) in family.Series)
        {
            switch (series)
            {
                case ValueSeries single:
                    WriteSample(text, family.Name, labels, extraLabel: null, PrometheusText.Number(single.Value));
                    break;
                case HistogramSeries histogram:
                    WriteHistogram(text, family.Name, labels, histogram.Snapshot());
                    break;
            }
        }
    }

    private static void WriteHistogram(StringBuilder text, string name, string labels, HistogramSnapshot snapshot)
    {
        var bucketName = name + "_bucket";
        for (var i = 0; i < snapshot.UpperBounds.Length; i++)
        {
            var le = "le=\"" + PrometheusText.Number(snapshot.UpperBounds[i]) + "\"";
            WriteSample(text, bucketName, labels, le, snapshot.CumulativeCounts[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var count = snapshot.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        WriteSample(text, bucketName, labels, "le=\"+Inf\"", count);
        WriteSample(text, name + "_sum", labels, extraLabel: null, PrometheusText.Number(snapshot.Sum));
        WriteSample(text, name + "_count", labels, extraLabel: null, count);
    }

    private static void WriteSample(StringBuilder text, string name, string labels, string? extraLabel, string value)
    {
        text.Append(name);
        if (labels.Length > 0 || extraLabel is not null)
        {
            text.Append('{').Append(labels);
            if (extraLabel is not null)
            {
                if (labels.Length > 0)
                {
                    text.Append(',');
                }

                text.Append(extraLabel);
            }

            text.Append('}');
        }

        text.Append(' ').Append(value).Append('\n');
    }

    private static string TypeName(PrometheusMetricType type) => type switch
    {
        PrometheusMetricType.Counter => "counter",
        PrometheusMetricType.Gauge => "gauge",
        PrometheusMetricType.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Prometheus metric type."),
    };

    private sealed class MetricFamily(string name, PrometheusMetricType type, string help)
    {
        public string Name { get; } = name;

        public PrometheusMetricType Type { get; } = type;

        public string Help { get; } = help;

        public SortedDictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);
    }
}
