using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// The JSON form of a Go type. Argo reads some bodies into Go structs (Stripe's event, StorageGRID's notification,
/// Bitbucket Server's refs_changed) and marshals them again, so sensors see the struct: its fields in declaration
/// order, zero values for what was missing, nothing of what it does not declare. <see cref="Write"/> produces that
/// text from the received JSON and refuses what Go's decoder refuses, naming where.
/// </summary>
internal abstract partial class GoJsonShape
{
    /// <summary>Go's <c>string</c>.</summary>
    public static GoJsonShape String { get; } = new StringShape();

    /// <summary>Go's <c>int</c>/<c>int64</c>.</summary>
    public static GoJsonShape Int { get; } = new IntShape();

    /// <summary>Go's <c>bool</c>.</summary>
    public static GoJsonShape Bool { get; } = new BoolShape();

    /// <summary>Go's <c>time.Time</c> (RFC 3339 text).</summary>
    public static GoJsonShape Time { get; } = new TimeShape();

    /// <summary>Go's <c>map[string]interface{}</c>.</summary>
    public static GoJsonShape AnyMap { get; } = new AnyMapShape();

    /// <summary>Go's <c>json.RawMessage</c> whose text must also read into a <c>map[string]interface{}</c>.</summary>
    public static GoJsonShape RawObject { get; } = new RawObjectShape();

    /// <summary>A struct with these fields, in declaration order.</summary>
    public static GoJsonShape Struct(params GoJsonField[] fields) => new StructShape(fields);

    /// <summary>A pointer to <paramref name="target"/>: <c>null</c> when absent.</summary>
    public static GoJsonShape PointerTo(GoJsonShape target) => new PointerShape(target);

    /// <summary>A slice of <paramref name="element"/>: <c>null</c> when absent.</summary>
    public static GoJsonShape SliceOf(GoJsonShape element) => new SliceShape(element);

    /// <summary>
    /// Writes what Go marshals after unmarshalling <paramref name="value"/> (null: the member was absent) into this
    /// type. <paramref name="path"/> names the value in errors.
    /// </summary>
    /// <exception cref="JsonException">Go's decoder would refuse the value; the message names the path.</exception>
    public abstract void Write(IBufferWriter<byte> output, JsonElement? value, string path);

    /// <summary>Whether Go would leave the field out under <c>omitempty</c>.</summary>
    public virtual bool IsEmpty(JsonElement? value) => IsNull(value);

    private static bool IsNull(JsonElement? value) => value is null || value.Value.ValueKind == JsonValueKind.Null;

    private static JsonException Mismatch(string path, JsonElement value, string goType)
    {
        var found = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => $"the number {value.GetRawText()}",
            _ => "a boolean",
        };
        return new JsonException($"{path}: cannot read {found} as a Go {goType}");
    }

    private sealed class StringShape : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path)
        {
            if (IsNull(value))
            {
                GoJsonWriter.Raw(output, "\"\""u8);
                return;
            }

            GoJson.WriteString(output, value!.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : throw Mismatch(path, value.Value, "string"));
        }

        public override bool IsEmpty(JsonElement? value) => IsNull(value) || value!.Value is { ValueKind: JsonValueKind.String } s && s.GetString()!.Length == 0;
    }

    private sealed class IntShape : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path) => GoJsonWriter.Integer(output, Read(value, path));

        public override bool IsEmpty(JsonElement? value) => IsNull(value) || value!.Value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var i) && i == 0;

        private static long Read(JsonElement? value, string path)
        {
            if (IsNull(value))
            {
                return 0;
            }

            var element = value!.Value;
            // Go reads an integer field only from integer syntax: 1.0 and 1e3 are refused.
            if (element.ValueKind != JsonValueKind.Number || element.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') >= 0 || !element.TryGetInt64(out var number))
            {
                throw Mismatch(path, element, "int64");
            }

            return number;
        }
    }

    private sealed class BoolShape : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path)
        {
            var truth = IsNull(value)
                ? false
                : value!.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Mismatch(path, value.Value, "bool"),
                };
            GoJsonWriter.Boolean(output, truth);
        }

        public override bool IsEmpty(JsonElement? value) => IsNull(value) || value!.Value.ValueKind == JsonValueKind.False;
    }

    private sealed partial class TimeShape : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path)
        {
            if (IsNull(value))
            {
                GoJsonWriter.Raw(output, "\"0001-01-01T00:00:00Z\""u8);
                return;
            }

            var element = value!.Value;
            var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Mismatch(path, element, "time.Time");
            var match = Rfc3339().Match(text);
            if (!match.Success || !IsValidDateTime(match))
            {
                throw new JsonException($"{path}: '{text}' is not an RFC 3339 time");
            }

            // Go writes RFC 3339 with nanoseconds, trailing zeros trimmed, and "Z" for a zero offset.
            var fraction = match.Groups["fraction"].Value.TrimEnd('0');
            var zone = match.Groups["zone"].Value;
            var utc = zone is "Z" or "+00:00" or "-00:00";
            GoJson.WriteString(output, $"{match.Groups["datetime"].Value}{(fraction.Length > 1 ? fraction : "")}{(utc ? "Z" : zone)}");
        }

        public override bool IsEmpty(JsonElement? value) => false;

        private static bool IsValidDateTime(Match match)
            => DateTime.TryParseExact(match.Groups["datetime"].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                && (match.Groups["zone"].Value == "Z" || (int.Parse(match.Groups["zone"].ValueSpan[1..3], CultureInfo.InvariantCulture) < 24 && int.Parse(match.Groups["zone"].ValueSpan[4..], CultureInfo.InvariantCulture) < 60));

        [GeneratedRegex(@"^(?<datetime>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?<fraction>\.\d{1,9})?(?<zone>Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
        private static partial Regex Rfc3339();
    }

    private sealed class AnyMapShape : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path)
        {
            if (IsNull(value))
            {
                GoJsonWriter.Raw(output, "null"u8);
                return;
            }

            var element = value!.Value;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Mismatch(path, element, "map[string]interface {}");
            }

            GoJsonValue.WriteObject(output, element, []);
        }

        public override bool IsEmpty(JsonElement? value) => IsNull(value) || value!.Value is { ValueKind: JsonValueKind.Object } o && !o.EnumerateObject().Any();
    }

    private sealed class RawObjectShape : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path)
        {
            if (value is null)
            {
                GoJsonWriter.Raw(output, "null"u8);
                return;
            }

            var element = value.Value;
            if (element.ValueKind is not JsonValueKind.Object and not JsonValueKind.Null)
            {
                throw Mismatch(path, element, "map[string]interface {}");
            }

            GoJson.WriteCompactedRaw(output, JsonMarshal.GetRawUtf8Value(element));
        }
    }

    private sealed class StructShape(GoJsonField[] fields) : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path)
        {
            var values = new JsonElement?[fields.Length];
            if (!IsNull(value))
            {
                var element = value!.Value;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw Mismatch(path, element, "struct");
                }

                foreach (var property in element.EnumerateObject())
                {
                    // Go matches a member to a field by exact name first, then case-insensitively; the last member wins.
                    var index = Array.FindIndex(fields, f => f.Name == property.Name);
                    if (index < 0)
                    {
                        index = Array.FindIndex(fields, f => string.Equals(f.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                    }

                    if (index >= 0)
                    {
                        values[index] = property.Value;
                    }
                }
            }

            GoJsonWriter.Raw(output, "{"u8);
            var first = true;
            for (var i = 0; i < fields.Length; i++)
            {
                var field = fields[i];
                if (field.OmitEmpty && field.Shape.IsEmpty(values[i]))
                {
                    continue;
                }

                if (!first)
                {
                    GoJsonWriter.Raw(output, ","u8);
                }

                first = false;
                GoJson.WriteString(output, field.Name);
                GoJsonWriter.Raw(output, ":"u8);
                field.Shape.Write(output, values[i], $"{path}.{field.Name}");
            }

            GoJsonWriter.Raw(output, "}"u8);
        }

        public override bool IsEmpty(JsonElement? value) => false;
    }

    private sealed class PointerShape(GoJsonShape target) : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path)
        {
            if (IsNull(value))
            {
                GoJsonWriter.Raw(output, "null"u8);
                return;
            }

            target.Write(output, value, path);
        }
    }

    private sealed class SliceShape(GoJsonShape element) : GoJsonShape
    {
        public override void Write(IBufferWriter<byte> output, JsonElement? value, string path)
        {
            if (IsNull(value))
            {
                GoJsonWriter.Raw(output, "null"u8);
                return;
            }

            var array = value!.Value;
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw Mismatch(path, array, "slice");
            }

            GoJsonWriter.Raw(output, "["u8);
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (index > 0)
                {
                    GoJsonWriter.Raw(output, ","u8);
                }

                element.Write(output, item, $"{path}[{index++}]");
            }

            GoJsonWriter.Raw(output, "]"u8);
        }

        public override bool IsEmpty(JsonElement? value) => IsNull(value) || value!.Value is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() == 0;
    }
}
