namespace ArgoEvents.Bench;

/// <summary>Nearest-rank percentiles of a sample.</summary>
public static class Percentiles
{
    public static double Of(List<double> sample, double percentile)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("The sample is empty.", nameof(sample));
        }

        sample.Sort();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sample.Count);
        return sample[Math.Clamp(rank - 1, 0, sample.Count - 1)];
    }
}
