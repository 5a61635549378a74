using System.Buffers;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Sources.BitbucketServer;

/// <summary>
/// Bitbucket Server's <c>repo:refs_changed</c> body as Argo reads it into its Go struct: what must decode for the
/// delivery to be accepted, the changes Argo inspects, and the struct's JSON when Argo publishes one event per change.
/// </summary>
internal static class RefsChangedEvent
{
    /// <summary>The <c>X-Event-Key</c> of a push.</summary>
    public const string EventKey = "repo:refs_changed";

    private static readonly GoJsonShape Links = GoJsonShape.Struct(
        new GoJsonField("self", GoJsonShape.SliceOf(GoJsonShape.Struct(new GoJsonField("href", GoJsonShape.String)))));

    private static readonly GoJsonShape Change = GoJsonShape.Struct(
        new("ref", GoJsonShape.Struct(
            new("id", GoJsonShape.String),
            new("displayId", GoJsonShape.String),
            new("type", GoJsonShape.String))),
        new("refId", GoJsonShape.String),
        new("fromHash", GoJsonShape.String),
        new("toHash", GoJsonShape.String),
        new("type", GoJsonShape.String));

    private static readonly GoJsonShape Shape = GoJsonShape.Struct(
        new("eventKey", GoJsonShape.String),
        new("date", GoJsonShape.String),
        new("actor", GoJsonShape.Struct(
            new("name", GoJsonShape.String),
            new("emailAddress", GoJsonShape.String),
            new("id", GoJsonShape.Int),
            new("displayName", GoJsonShape.String),
            new("active", GoJsonShape.Bool),
            new("slug", GoJsonShape.String),
            new("type", GoJsonShape.String),
            new("links", Links))),
        new("repository", GoJsonShape.Struct(
            new("slug", GoJsonShape.String),
            new("id", GoJsonShape.Int),
            new("name", GoJsonShape.String),
            new("hierarchyId", GoJsonShape.String),
            new("scmId", GoJsonShape.String),
            new("state", GoJsonShape.String),
            new("statusMessage", GoJsonShape.String),
            new("forkable", GoJsonShape.Bool),
            new("project", GoJsonShape.Struct(
                new("key", GoJsonShape.String),
                new("id", GoJsonShape.Int),
                new("name", GoJsonShape.String),
                new("public", GoJsonShape.Bool),
                new("type", GoJsonShape.String),
                new("links", Links))),
            new("public", GoJsonShape.Bool),
            new("links", GoJsonShape.Struct(
                new("clone", GoJsonShape.SliceOf(GoJsonShape.Struct(new GoJsonField("href", GoJsonShape.String), new GoJsonField("name", GoJsonShape.String)))),
                new("self", GoJsonShape.SliceOf(GoJsonShape.Struct(new GoJsonField("href", GoJsonShape.String)))))))),
        new("changes", GoJsonShape.SliceOf(Change)));

    /// <summary>Checks that Go's decoder accepts <paramref name="root"/>.</summary>
    /// <exception cref="JsonException">It does not; the message names the member.</exception>
    public static void Validate(JsonElement root) => Shape.Write(new ArrayBufferWriter<byte>(), root, "repo:refs_changed");

    /// <summary>The changes (Go's zero values where members are missing).</summary>
    public static IReadOnlyList<JsonElement> Changes(JsonElement root)
        => GoJsonMember.Find(root, "changes") is { ValueKind: JsonValueKind.Array } changes ? [.. changes.EnumerateArray()] : [];

    /// <summary>The event as Argo publishes it when it splits a push: the struct with <paramref name="change"/> as its only change.</summary>
    public static byte[] WithSingleChange(JsonElement root, JsonElement change)
    {
        var combined = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(combined))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (!string.Equals(property.Name, "changes", StringComparison.OrdinalIgnoreCase))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WritePropertyName("changes");
            writer.WriteStartArray();
            change.WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(combined.WrittenMemory, GoJsonValue.ReadOptions);
        var output = new ArrayBufferWriter<byte>(combined.WrittenCount);
        Shape.Write(output, document.RootElement, "repo:refs_changed");
        return output.WrittenSpan.ToArray();
    }
}
