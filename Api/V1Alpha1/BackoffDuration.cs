using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>Int64OrString</c> as a backoff's <c>duration</c>: either an integer number of nanoseconds
/// (<c>1000000000</c>) or a Go duration string (<c>"1s"</c>, <c>"3m"</c>). Kept in the form it was written.
/// </summary>
public readonly record struct BackoffDuration
{
    private BackoffDuration(TimeSpan value, long? nanoseconds, string? text)
    {
        Value = value;
        Nanoseconds = nanoseconds;
        Text = text;
    }

    /// <summary>The duration.</summary>
    public TimeSpan Value { get; }

    /// <summary>The integer form, when the duration was written as a number of nanoseconds.</summary>
    public long? Nanoseconds { get; }

    /// <summary>The string form, when the duration was written as Go duration text.</summary>
    public string? Text { get; }

    /// <summary>A duration written as a number of nanoseconds.</summary>
    public static BackoffDuration FromNanoseconds(long nanoseconds) =>
        new(TimeSpan.FromTicks(nanoseconds / 100), nanoseconds, null);

    /// <summary>A duration written as Go duration text.</summary>
    public static BackoffDuration FromDuration(GoDuration duration) => new(duration.Value, null, duration.Text);

    /// <summary>Reads a number of nanoseconds or Go duration text; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string text, bool writtenAsNumber, out BackoffDuration value, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (writtenAsNumber)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nanoseconds))
            {
                value = FromNanoseconds(nanoseconds);
                problem = null;
                return true;
            }

            value = default;
            problem = $"'{text}' is not a whole number of nanoseconds";
            return false;
        }

        if (GoDuration.TryParse(text, out var duration, out problem))
        {
            value = FromDuration(duration);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value as written.</summary>
    public override string ToString() =>
        Nanoseconds?.ToString(CultureInfo.InvariantCulture) ?? Text ?? string.Empty;
}
