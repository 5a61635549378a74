using System.Text;
using System.Text.Json;

namespace ArgoEvents.EventSources.Sources.Sns;

/// <summary>
/// The JSON document SNS posts to an HTTP(S) subscriber (notification, subscription and unsubscribe confirmation),
/// and the string its signature covers, built as AWS documents it: the listed members as <c>name\nvalue\n</c> in
/// that order, <c>Subject</c> only when present.
/// </summary>
public sealed record SnsMessage
{
    /// <summary><c>Notification</c>.</summary>
    public const string NotificationType = "Notification";

    /// <summary><c>SubscriptionConfirmation</c>.</summary>
    public const string SubscriptionConfirmationType = "SubscriptionConfirmation";

    /// <summary><c>UnsubscribeConfirmation</c>.</summary>
    public const string UnsubscribeConfirmationType = "UnsubscribeConfirmation";

    private static readonly string[] NotificationFields = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
    private static readonly string[] ConfirmationFields = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];

    private static readonly HashSet<string> KnownMembers =
    [
        "Type", "MessageId", "Token", "TopicArn", "Subject", "Message", "SubscribeURL", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL",
    ];

    private SnsMessage(Dictionary<string, string> members) => Members = members;

    /// <summary>The message's string members.</summary>
    public IReadOnlyDictionary<string, string> Members { get; }

    /// <summary><c>Type</c>.</summary>
    public string Type => Get("Type");

    /// <summary><c>MessageId</c>.</summary>
    public string MessageId => Get("MessageId");

    /// <summary><c>SubscribeURL</c> (confirmations).</summary>
    public string SubscribeUrl => Get("SubscribeURL");

    /// <summary><c>SigningCertURL</c>.</summary>
    public string SigningCertUrl => Get("SigningCertURL");

    /// <summary><c>SignatureVersion</c>: 1 is SHA1withRSA, 2 is SHA256withRSA.</summary>
    public string SignatureVersion => Get("SignatureVersion");

    /// <summary><c>Signature</c>, base64.</summary>
    public string Signature => Get("Signature");

    /// <summary>Reads a message; <paramref name="problem"/> says why the body is not one.</summary>
    public static SnsMessage? Parse(ReadOnlySpan<byte> body, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "bad request, not a valid SNS notification";
                return null;
            }

            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!KnownMembers.Contains(property.Name) || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    problem = $"SNS message member {property.Name} is not a string";
                    return null;
                }

                members[property.Name] = property.Value.GetString()!;
            }

            problem = null;
            return new SnsMessage(members);
        }
        catch (JsonException e)
        {
            problem = $"failed to read the SNS message: {e.Message}";
            return null;
        }
    }

    /// <summary>The bytes the signature covers; null for a type AWS does not sign.</summary>
    public byte[]? StringToSign()
    {
        var fields = Type switch
        {
            NotificationType => NotificationFields,
            SubscriptionConfirmationType or UnsubscribeConfirmationType => ConfirmationFields,
            _ => null,
        };
        if (fields is null)
        {
            return null;
        }

        var text = new StringBuilder(256);
        foreach (var name in fields)
        {
            if (Members.TryGetValue(name, out var value) && (name != "Subject" || value.Length > 0))
            {
                text.Append(name).Append('\n').Append(value).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private string Get(string name) => Members.TryGetValue(name, out var value) ? value : "";
}
