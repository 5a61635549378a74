using System.Buffers;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Primitives;

namespace ArgoEvents.EventSources.Sources.Slack;

/// <summary>
/// A slash command's form as Argo publishes it: slack-go's <c>SlashCommand</c> struct, the first value of each form
/// field, in the struct's order, the enterprise fields left out when empty.
/// </summary>
internal static class SlackSlashCommand
{
    public static byte[] Json(IReadOnlyDictionary<string, StringValues> form)
    {
        string Get(string name) => form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? "" : "";

        var output = new ArrayBufferWriter<byte>(512);
        GoJsonWriter.Raw(output, "{"u8);
        GoJsonWriter.StringField(output, "token"u8, Get("token"), first: true);
        GoJsonWriter.StringField(output, "team_id"u8, Get("team_id"));
        GoJsonWriter.StringField(output, "team_domain"u8, Get("team_domain"));
        if (Get("enterprise_id") is { Length: > 0 } enterpriseId)
        {
            GoJsonWriter.StringField(output, "enterprise_id"u8, enterpriseId);
        }

        if (Get("enterprise_name") is { Length: > 0 } enterpriseName)
        {
            GoJsonWriter.StringField(output, "enterprise_name"u8, enterpriseName);
        }

        GoJsonWriter.Raw(output, ",\"is_enterprise_install\":"u8);
        GoJsonWriter.Boolean(output, Get("is_enterprise_install") == "true");
        GoJsonWriter.StringField(output, "channel_id"u8, Get("channel_id"));
        GoJsonWriter.StringField(output, "channel_name"u8, Get("channel_name"));
        GoJsonWriter.StringField(output, "user_id"u8, Get("user_id"));
        GoJsonWriter.StringField(output, "user_name"u8, Get("user_name"));
        GoJsonWriter.StringField(output, "command"u8, Get("command"));
        GoJsonWriter.StringField(output, "text"u8, Get("text"));
        GoJsonWriter.StringField(output, "response_url"u8, Get("response_url"));
        GoJsonWriter.StringField(output, "trigger_id"u8, Get("trigger_id"));
        GoJsonWriter.StringField(output, "api_app_id"u8, Get("api_app_id"));
        GoJsonWriter.Raw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
