using System.Text.Json;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>Finds an object member the way Go's decoder fills a struct field: exact name or any letter case, the last one winning.</summary>
internal static class GoJsonMember
{
    /// <summary>The member of <paramref name="value"/> Go would read into a field named <paramref name="name"/>; null when none.</summary>
    public static JsonElement? Find(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? found = null;
        foreach (var property in value.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = property.Value;
            }
        }

        return found;
    }

    /// <summary>The string member Go would read into <paramref name="name"/>, or "" (Go's zero value).</summary>
    public static string String(JsonElement value, string name)
        => Find(value, name) is { ValueKind: JsonValueKind.String } member ? member.GetString()! : "";
}
