using System.Collections;
using System.Text.Json;

namespace ArgoEvents.Api;

/// <summary>
/// Writes model objects as Argo's JSON, field names and shapes exactly as the binder reads them. Unset values
/// (null, empty lists and maps, false) are left out, as Go's <c>omitempty</c> does.
/// </summary>
internal static class ManifestJsonWriter
{
    public static void Write(Utf8JsonWriter writer, object value)
    {
        WriteValue(writer, value, ManifestTypeInfo.Of(value.GetType()));
    }

    private static void WriteValue(Utf8JsonWriter writer, object value, ManifestTypeInfo info)
    {
        switch (info.Kind)
        {
            case ManifestTypeKind.Node:
                ((ManifestNode)value).WriteJson(writer);
                break;
            case ManifestTypeKind.String:
                writer.WriteStringValue((string)value);
                break;
            case ManifestTypeKind.Boolean:
                writer.WriteBooleanValue((bool)value);
                break;
            case ManifestTypeKind.Int32:
                writer.WriteNumberValue((int)value);
                break;
            case ManifestTypeKind.Int64:
                writer.WriteNumberValue((long)value);
                break;
            case ManifestTypeKind.Double:
                writer.WriteNumberValue((double)value);
                break;
            case ManifestTypeKind.CustomScalar:
                info.Converter!.Write(writer, value);
                break;
            case ManifestTypeKind.List:
                writer.WriteStartArray();
                var elementInfo = ManifestTypeInfo.Of(info.ElementType!);
                foreach (var item in (IEnumerable)value)
                {
                    WriteValue(writer, item, elementInfo);
                }

                writer.WriteEndArray();
                break;
            case ManifestTypeKind.Map:
                writer.WriteStartObject();
                var valueInfo = ManifestTypeInfo.Of(info.ElementType!);
                foreach (DictionaryEntry entry in ToDictionaryEntries(value))
                {
                    writer.WritePropertyName((string)entry.Key);
                    WriteValue(writer, entry.Value!, valueInfo);
                }

                writer.WriteEndObject();
                break;
            default:
                WriteObject(writer, value, info);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, object value, ManifestTypeInfo info)
    {
        writer.WriteStartObject();
        foreach (var field in info.Fields)
        {
            var owner = field.InlineOwner is null ? value : field.InlineOwner.GetValue(value);
            var fieldValue = owner is null ? null : field.Property.GetValue(owner);
            if (IsUnset(fieldValue))
            {
                continue;
            }

            writer.WritePropertyName(field.Name);
            WriteValue(writer, fieldValue!, ManifestTypeInfo.Of(field.ValueType));
        }

        writer.WriteEndObject();
    }

    private static bool IsUnset(object? value) => value switch
    {
        null => true,
        false => true,
        string => false,
        ICollection collection => collection.Count == 0,
        _ => false,
    };

    // The maps the binder builds are ordered dictionaries; maps built in code may be any IReadOnlyDictionary.
    private static IEnumerable ToDictionaryEntries(object map)
    {
        if (map is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                yield return entry;
            }

            yield break;
        }

        foreach (var pair in (IEnumerable)map)
        {
            var pairType = pair.GetType();
            yield return new DictionaryEntry(pairType.GetProperty("Key")!.GetValue(pair)!, pairType.GetProperty("Value")!.GetValue(pair));
        }
    }
}
