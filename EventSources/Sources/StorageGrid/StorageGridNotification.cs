using System.Buffers;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Sources.StorageGrid;

/// <summary>
/// StorageGRID's bucket notification as Argo publishes it: read into Argo's <c>StorageGridNotification</c> struct and
/// written back inside <c>{"notification":...,"metadata":...}</c>, so it holds exactly that struct's members in its
/// order (note <c>storageGridEventSource</c>, Argo's name for a record's source) with Go's zero values where the
/// notification had none.
/// </summary>
internal static class StorageGridNotification
{
    private static readonly GoJsonShape PrincipalId = GoJsonShape.Struct(new GoJsonField("principalId", GoJsonShape.String));

    private static readonly GoJsonShape Record = GoJsonShape.Struct(
        new("eventVersion", GoJsonShape.String),
        new("storageGridEventSource", GoJsonShape.String),
        new("eventTime", GoJsonShape.Time),
        new("eventName", GoJsonShape.String),
        new("userIdentity", PrincipalId),
        new("requestParameters", GoJsonShape.Struct(new GoJsonField("sourceIPAddress", GoJsonShape.String))),
        new("responseElements", GoJsonShape.Struct(new GoJsonField("x-amz-request-id", GoJsonShape.String))),
        new("s3", GoJsonShape.Struct(
            new("s3SchemaVersion", GoJsonShape.String),
            new("configurationId", GoJsonShape.String),
            new("bucket", GoJsonShape.Struct(
                new("name", GoJsonShape.String),
                new("ownerIdentity", PrincipalId),
                new("arn", GoJsonShape.String))),
            new("object", GoJsonShape.Struct(
                new("key", GoJsonShape.String),
                new("size", GoJsonShape.Int),
                new("eTag", GoJsonShape.String),
                new("sequencer", GoJsonShape.String))))));

    private static readonly GoJsonShape Shape = GoJsonShape.PointerTo(GoJsonShape.Struct(
        new("Action", GoJsonShape.String),
        new("Message", GoJsonShape.Struct(new GoJsonField("Records", GoJsonShape.SliceOf(Record)))),
        new("TopicArn", GoJsonShape.String),
        new("Version", GoJsonShape.String)));

    /// <summary>Argo's event data for <paramref name="notification"/>.</summary>
    /// <exception cref="JsonException">Go could not read the notification into the struct; the message names the member.</exception>
    public static byte[] Payload(JsonElement notification, IReadOnlyDictionary<string, string> metadata)
    {
        var output = new ArrayBufferWriter<byte>(2048);
        GoJsonWriter.Raw(output, "{\"notification\":"u8);
        Shape.Write(output, notification, "notification");
        GoJsonWriter.Metadata(output, metadata);
        GoJsonWriter.Raw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The first record's S3 object (Argo filters and names the event by it); null when there is no record.</summary>
    public static JsonElement? FirstObject(JsonElement notification)
    {
        if (GoJsonMember.Find(notification, "Message") is not { } message
            || GoJsonMember.Find(message, "Records") is not { ValueKind: JsonValueKind.Array } records
            || records.GetArrayLength() == 0)
        {
            return null;
        }

        return GoJsonMember.Find(records[0], "s3") is { } s3 ? GoJsonMember.Find(s3, "object") ?? default : default(JsonElement);
    }

    /// <summary>The first record's bucket name.</summary>
    public static string FirstBucket(JsonElement notification)
        => GoJsonMember.Find(notification, "Message") is { } message
            && GoJsonMember.Find(message, "Records") is { ValueKind: JsonValueKind.Array } records && records.GetArrayLength() > 0
            && GoJsonMember.Find(records[0], "s3") is { } s3 && GoJsonMember.Find(s3, "bucket") is { } bucket
                ? GoJsonMember.String(bucket, "name")
                : "";
}
