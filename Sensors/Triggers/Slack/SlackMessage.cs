using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using SlackTriggerSpec = ArgoEvents.Api.V1Alpha1.SlackTrigger;

namespace ArgoEvents.Sensors.Triggers.Slack;

/// <summary>
/// The <c>chat.postMessage</c> arguments a slack trigger spec makes: the channel without its <c>#</c>, the text, the
/// attachments and blocks parsed from their JSON text, and the sender's name and icon.
/// </summary>
internal sealed partial class SlackMessage : IDisposable
{
    private SlackMessage(string channel, SlackTriggerSpec spec, JsonDocument? attachments, JsonDocument? blocks)
    {
        Channel = channel;
        Spec = spec;
        Attachments = attachments;
        Blocks = blocks;
    }

    /// <summary>The channel name or ID, without a leading <c>#</c>.</summary>
    public string Channel { get; }

    /// <summary>The spec the message was read from.</summary>
    public SlackTriggerSpec Spec { get; }

    /// <summary>The attachments array, if the spec has one.</summary>
    public JsonDocument? Attachments { get; }

    /// <summary>The blocks array, if the spec has one.</summary>
    public JsonDocument? Blocks { get; }

    /// <summary>Reads the message of <paramref name="spec"/>; the problem, if any, is returned for the caller to raise.</summary>
    public static SlackMessage? TryRead(SlackTriggerSpec spec, string fieldPath, out string? problem)
    {
        problem = null;
        var channel = spec.Channel is ['#', .. var name] ? name : spec.Channel ?? string.Empty;
        if (channel.Length == 0)
        {
            problem = $"{fieldPath}.channel is required: no Slack channel to post to.";
            return null;
        }

        if (string.IsNullOrEmpty(spec.Message) && string.IsNullOrEmpty(spec.Attachments) && string.IsNullOrEmpty(spec.Blocks))
        {
            problem = $"{fieldPath}: nothing to post; set at least one of message, attachments or blocks.";
            return null;
        }

        var attachments = ParseArray(spec.Attachments, fieldPath + ".attachments", ref problem);
        var blocks = ParseArray(spec.Blocks, fieldPath + ".blocks", ref problem);
        if (problem is not null)
        {
            attachments?.Dispose();
            blocks?.Dispose();
            return null;
        }

        return new SlackMessage(channel, spec, attachments, blocks);
    }

    /// <summary>The JSON body of <c>chat.postMessage</c>, replying in <paramref name="threadTs"/> when it is set.</summary>
    public byte[] ToPostMessageJson(string? threadTs)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("channel", Channel);
            if (!string.IsNullOrEmpty(Spec.Message))
            {
                writer.WriteString("text", Spec.Message);
            }

            if (Attachments is not null)
            {
                writer.WritePropertyName("attachments");
                Attachments.RootElement.WriteTo(writer);
            }

            if (Blocks is not null)
            {
                writer.WritePropertyName("blocks");
                Blocks.RootElement.WriteTo(writer);
            }

            if (threadTs is not null)
            {
                writer.WriteString("thread_ts", threadTs);
                if (Spec.Thread?.BroadcastMessageToChannel == true)
                {
                    writer.WriteBoolean("reply_broadcast", true);
                }
            }

            WriteSender(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Attachments?.Dispose();
        Blocks?.Dispose();
    }

    private void WriteSender(Utf8JsonWriter writer)
    {
        if (!string.IsNullOrEmpty(Spec.Sender?.Username))
        {
            writer.WriteString("username", Spec.Sender.Username);
        }

        // An icon that is neither an emoji code nor an http(s) URL is left out, as Argo's Slack client leaves it out.
        var icon = Spec.Sender?.Icon;
        if (string.IsNullOrEmpty(icon))
        {
            return;
        }

        if (EmojiIcon().IsMatch(icon))
        {
            writer.WriteString("icon_emoji", icon);
        }
        else if (Uri.TryCreate(icon, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0)
        {
            writer.WriteString("icon_url", icon);
        }
    }

    private static JsonDocument? ParseArray(string? text, string fieldPath, ref string? problem)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            problem ??= $"{fieldPath} is not valid JSON: {e.Message}";
            return null;
        }

        var kind = document.RootElement.ValueKind;
        if (kind != JsonValueKind.Array)
        {
            document.Dispose();
            problem ??= $"{fieldPath} must be a JSON array, got a JSON {kind.ToString().ToLowerInvariant()}.";
            return null;
        }

        return document;
    }

    [GeneratedRegex("^:.+:$")]
    private static partial Regex EmojiIcon();
}
