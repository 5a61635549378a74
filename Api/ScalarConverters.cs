using System.Diagnostics.CodeAnalysis;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api;

/// <summary>The model value types that are written as one scalar, and how each is read and written.</summary>
internal static class ScalarConverters
{
    private static readonly Dictionary<Type, ScalarConverter> ByType = new[]
    {
        new ScalarConverter(typeof(GoDuration), ReadGoDuration, (w, v) => w.WriteStringValue(((GoDuration)v).Text)),
        new ScalarConverter(typeof(BackoffDuration), ReadBackoffDuration, WriteBackoffDuration),
        new ScalarConverter(typeof(IntOrString), ReadIntOrString, WriteIntOrString),
        new ScalarConverter(typeof(JetStreamStreamConfig), ReadStreamConfig, (w, v) => w.WriteStringValue(((JetStreamStreamConfig)v).Text)),
    }.ToDictionary(c => c.ValueType);

    public static bool TryGet(Type type, [NotNullWhen(true)] out ScalarConverter? converter) =>
        ByType.TryGetValue(type, out converter);

    // Go writes an unset duration string as "", so an empty duration counts as not written.
    private static ScalarReadResult ReadGoDuration(ManifestScalar scalar) =>
        scalar.Value.Length == 0 ? ScalarReadResult.Absent
        : GoDuration.TryParse(scalar.Value, out var duration, out var problem) ? ScalarReadResult.Of(duration)
        : ScalarReadResult.Fail("is not a valid Go duration: " + problem);

    private static ScalarReadResult ReadBackoffDuration(ManifestScalar scalar)
    {
        if (scalar.Value.Length == 0)
        {
            return ScalarReadResult.Absent;
        }

        var writtenAsNumber = scalar.Type == ManifestScalarType.Integer;
        return BackoffDuration.TryParse(scalar.Value, writtenAsNumber, out var duration, out var problem)
            ? ScalarReadResult.Of(duration)
            : ScalarReadResult.Fail("must be a number of nanoseconds or a Go duration: " + problem);
    }

    private static void WriteBackoffDuration(System.Text.Json.Utf8JsonWriter writer, object value)
    {
        var duration = (BackoffDuration)value;
        if (duration.Nanoseconds is { } nanoseconds)
        {
            writer.WriteNumberValue(nanoseconds);
        }
        else
        {
            writer.WriteStringValue(duration.Text);
        }
    }

    private static ScalarReadResult ReadIntOrString(ManifestScalar scalar)
    {
        if (scalar.Type != ManifestScalarType.Integer)
        {
            return ScalarReadResult.Of(IntOrString.FromText(scalar.Value));
        }

        return scalar.TryGetInt64(out var number) && number is >= int.MinValue and <= int.MaxValue
            ? ScalarReadResult.Of(IntOrString.FromNumber((int)number))
            : ScalarReadResult.Fail($"must fit a 32-bit integer, got '{scalar.Value}'");
    }

    private static void WriteIntOrString(System.Text.Json.Utf8JsonWriter writer, object value)
    {
        var intOrString = (IntOrString)value;
        if (intOrString.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(intOrString.Text);
        }
    }

    private static ScalarReadResult ReadStreamConfig(ManifestScalar scalar) =>
        JetStreamStreamConfig.TryParse(scalar.Value, out var config, out var problem)
            ? ScalarReadResult.Of(config)
            : ScalarReadResult.Fail(problem);
}
