using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>
/// Reads and writes <see cref="TimeSpan"/> as the integer nanoseconds the JetStream API uses for every duration.
/// </summary>
internal sealed class NanosecondDurationConverter : JsonConverter<TimeSpan>
{
    private const long NanosecondsPerTick = 100;

    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var nanoseconds))
        {
            throw new JsonException($"A JetStream duration must be an integer number of nanoseconds, but found a {reader.TokenType} token.");
        }

        return FromNanoseconds(nanoseconds);
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(ToNanoseconds(value));
    }

    /// <summary>Converts nanoseconds to a <see cref="TimeSpan"/>, dropping the sub-tick (below 100 ns) remainder.</summary>
    public static TimeSpan FromNanoseconds(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / NanosecondsPerTick);

    /// <summary>Converts a <see cref="TimeSpan"/> to nanoseconds; refuses spans that do not fit in 64-bit nanoseconds (about 292 years).</summary>
    public static long ToNanoseconds(TimeSpan value)
    {
        if (value.Ticks > long.MaxValue / NanosecondsPerTick || value.Ticks < long.MinValue / NanosecondsPerTick)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A JetStream duration must fit in a signed 64-bit count of nanoseconds (about ±292 years).");
        }

        return value.Ticks * NanosecondsPerTick;
    }
}
