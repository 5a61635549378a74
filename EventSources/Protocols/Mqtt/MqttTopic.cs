using System.Text;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>The rules of MQTT 3.1.1 (section 4.7) for topic names (what is published) and topic filters (what is subscribed).</summary>
public static class MqttTopic
{
    /// <summary>Longest topic in UTF-8 bytes: strings carry a two-byte length.</summary>
    public const int MaxLength = ushort.MaxValue;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="filter"/> is a valid topic filter: non-empty, at
    /// most 65,535 UTF-8 bytes, no U+0000, '+' only as a whole level, '#' only as the whole last level.
    /// </summary>
    public static void EnsureValidFilter(string filter, string parameterName = "filter")
    {
        if (DescribeFilterError(filter) is { } error)
        {
            throw new ArgumentException($"'{filter}' is not a valid MQTT topic filter: {error}.", parameterName);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="topic"/> is a valid topic name to publish to:
    /// non-empty, at most 65,535 UTF-8 bytes, no U+0000 and no wildcard ('+', '#').
    /// </summary>
    public static void EnsureValidName(string topic, string parameterName = "topic")
    {
        if (DescribeNameError(topic) is { } error)
        {
            throw new ArgumentException($"'{topic}' is not a valid MQTT topic name: {error}.", parameterName);
        }
    }

    /// <summary>Why <paramref name="filter"/> is not a valid topic filter, or null when it is.</summary>
    public static string? DescribeFilterError(string? filter)
    {
        if (DescribeCommonError(filter) is { } common)
        {
            return common;
        }

        var levels = filter!.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#', StringComparison.Ordinal) && (level != "#" || i != levels.Length - 1))
            {
                return "'#' must be the whole last level";
            }

            if (level.Contains('+', StringComparison.Ordinal) && level != "+")
            {
                return "'+' must be a whole level";
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="topic"/> is not a valid topic name, or null when it is.</summary>
    public static string? DescribeNameError(string? topic)
    {
        if (DescribeCommonError(topic) is { } common)
        {
            return common;
        }

        return topic!.AsSpan().IndexOfAny('+', '#') >= 0 ? "a topic name must not contain the wildcards '+' or '#'" : null;
    }

    private static string? DescribeCommonError(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "it contains U+0000";
        }

        int length;
        try
        {
            length = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return "it is not well-formed UTF-16 (an unpaired surrogate)";
        }

        return length > MaxLength ? $"it is {length} UTF-8 bytes long, more than {MaxLength}" : null;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
