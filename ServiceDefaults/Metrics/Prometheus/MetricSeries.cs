namespace ArgoEvents.ServiceDefaults.Metrics.Prometheus;

/// <summary>One label set of one instrument, with its label text rendered once.</summary>
internal abstract class MetricSeries(TagSet labels)
{
    /// <summary>The sorted labels, rendered as <c>a="x",b="y"</c> (no braces; empty when there are none).</summary>
    public string LabelText { get; } = PrometheusText.Labels(labels.Tags);
}
