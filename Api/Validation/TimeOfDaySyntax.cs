using System.Globalization;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Reads a time filter's <c>HH:MM:SS</c> the way Go's <c>time.Parse("15:04:05", ...)</c> does: an hour of one or
/// two digits, then two-digit minutes and seconds.
/// </summary>
internal static class TimeOfDaySyntax
{
    /// <summary>The time of day, or null after reporting why the text is not one.</summary>
    public static TimeSpan? Check(string? text, ValidationScope scope)
    {
        if (!scope.Require(text))
        {
            return null;
        }

        var parts = text!.Split(':');
        if (parts.Length == 3 &&
            parts[0].Length is 1 or 2 && parts[1].Length == 2 && parts[2].Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours < 24 &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes < 60 &&
            int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 60)
        {
            return new TimeSpan(hours, minutes, seconds);
        }

        scope.Fail($"must be a time of day HH:MM:SS such as 09:30:00, got '{text}'");
        return null;
    }

    private static bool Require(this ValidationScope scope, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            return true;
        }

        scope.Fail("is required (a time of day HH:MM:SS)");
        return false;
    }
}
