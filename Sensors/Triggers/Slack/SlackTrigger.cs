using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArgoEvents.Sensors.Parameters;
using SlackTriggerSpec = ArgoEvents.Api.V1Alpha1.SlackTrigger;

namespace ArgoEvents.Sensors.Triggers.Slack;

/// <summary>
/// Argo's Slack trigger: posts the spec's message with <c>chat.postMessage</c>, in the thread of its
/// <c>messageAggregationKey</c> when it has one. A bot that is not in the channel joins it and posts again, once.
/// </summary>
internal sealed partial class SlackTrigger : ITrigger
{
    private const string NotInChannel = "not_in_channel";

    private readonly SlackApiClient _api;
    private readonly SlackThreads _threads;
    private readonly string _fieldPath;

    /// <summary>Creates the trigger; it owns and disposes <paramref name="api"/>.</summary>
    public SlackTrigger(SlackApiClient api, SlackThreads threads, string fieldPath)
    {
        _api = api;
        _threads = threads;
        _fieldPath = fieldPath;
    }

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = invocation.Template.Slack
            ?? throw new TriggerExecutionException($"{_fieldPath}: the template has no slack trigger after its parameters were applied.");
        spec = ApplyParameters(spec, invocation);
        using var message = SlackMessage.TryRead(spec, _fieldPath, out var problem)
            ?? throw new TriggerExecutionException(problem!);

        var key = spec.Thread?.MessageAggregationKey;
        var threadTs = string.IsNullOrEmpty(key) ? null : _threads.Find(message.Channel, key);
        var body = message.ToPostMessageJson(threadTs);
        JsonElement answer;
        try
        {
            answer = await _api.PostAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException e) when (e.Error == NotInChannel)
        {
            await JoinAsync(message.Channel, cancellationToken).ConfigureAwait(false);
            answer = await PostAgainAsync(body, message.Channel, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}: posting to channel '{message.Channel}' failed: {e.Error}", e);
        }

        if (!string.IsNullOrEmpty(key) && threadTs is null)
        {
            if (!answer.TryGetProperty("ts", out var ts) || ts.ValueKind != JsonValueKind.String)
            {
                throw new TriggerExecutionException($"{_fieldPath}: Slack accepted the message to '{message.Channel}' but returned no ts to thread later messages on.");
            }

            _threads.Start(message.Channel, key, ts.GetString()!);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _api.Dispose();
        return ValueTask.CompletedTask;
    }

    private SlackTriggerSpec ApplyParameters(SlackTriggerSpec spec, TriggerInvocation invocation)
    {
        if (spec.Parameters.Count == 0)
        {
            return spec;
        }

        try
        {
            return TriggerParameters.ApplyToModel(spec, spec.Parameters, invocation.Events);
        }
        catch (TriggerParameterException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}.parameters: {e.Message}", e);
        }
    }

    private async Task<JsonElement> PostAgainAsync(byte[] body, string channel, CancellationToken cancellationToken)
    {
        try
        {
            return await _api.PostAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}: posting to channel '{channel}' failed after joining it: {e.Error}", e);
        }
    }

    private async Task JoinAsync(string channel, CancellationToken cancellationToken)
    {
        try
        {
            var id = ChannelId().IsMatch(channel) ? channel : await FindChannelIdAsync(channel, cancellationToken).ConfigureAwait(false);
            var buffer = new ArrayBufferWriter<byte>(64);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("channel", id);
                writer.WriteEndObject();
            }

            await _api.PostAsync("conversations.join", buffer.WrittenSpan.ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}: the bot is not in channel '{channel}' and could not join it: {e.Message}", e);
        }
    }

    // conversations.join takes a channel ID, while a trigger usually names the channel; the name is looked up page by page.
    private async Task<string> FindChannelIdAsync(string name, CancellationToken cancellationToken)
    {
        var cursor = string.Empty;
        do
        {
            var query = "types=public_channel%2Cprivate_channel&exclude_archived=true&limit=1000"
                + (cursor.Length > 0 ? "&cursor=" + Uri.EscapeDataString(cursor) : string.Empty);
            var page = await _api.GetAsync("conversations.list", query, cancellationToken).ConfigureAwait(false);
            if (page.TryGetProperty("channels", out var channels) && channels.ValueKind == JsonValueKind.Array)
            {
                foreach (var channel in channels.EnumerateArray())
                {
                    if (channel.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == name
                        && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        return id.GetString()!;
                    }
                }
            }

            cursor = page.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()!
                : string.Empty;
        }
        while (cursor.Length > 0);

        throw new TriggerExecutionException($"{_fieldPath}: the bot is not in channel '{name}', and conversations.list has no channel of that name to join.");
    }

    [GeneratedRegex("^[CG][A-Z0-9]{6,}$")]
    private static partial Regex ChannelId();
}
