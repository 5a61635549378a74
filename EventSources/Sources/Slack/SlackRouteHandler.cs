using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Slack;

/// <summary>
/// A Slack route with Argo's behaviour. The signing secret is checked first (401 with the reason). Form posts are
/// interactions (<c>payload</c> field: its JSON is the event) or slash commands (<c>command</c> field: slack-go's
/// <c>SlashCommand</c> is the event); anything else is the Events API: the body's <c>token</c> must be the
/// verification token, <c>url_verification</c> is answered with its challenge, <c>event_callback</c> publishes
/// <c>{"type":&lt;inner type&gt;,"Data":&lt;inner event&gt;}</c> with Slack's <c>event_id</c> as the happening, so
/// Slack's retries are dropped by the bus; other envelopes are acknowledged. Processing failures answer 500, as Argo.
/// </summary>
public sealed class SlackRouteHandler : HttpSourceRoute
{
    private const string FormContentType = "application/x-www-form-urlencoded";
    private readonly byte[]? _signingSecret;
    private readonly byte[] _verificationToken;

    /// <summary>Creates the route; a null <paramref name="signingSecret"/> skips the signature check, as Argo does for an empty one.</summary>
    public SlackRouteHandler(WebhookEndpoint endpoint, string? signingSecret, string? verificationToken, SourceContext context, ILogger<SlackRouteHandler> logger)
        : base(endpoint, context, logger)
    {
        _signingSecret = string.IsNullOrEmpty(signingSecret) ? null : Encoding.UTF8.GetBytes(signingSecret);
        _verificationToken = Encoding.UTF8.GetBytes(verificationToken ?? "");
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var body = await ReadBodyOrRejectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (_signingSecret is not null && SlackSignature.Problem(request, _signingSecret, body, Context.Time.GetUtcNow()) is { } problem)
        {
            await RejectAsync(context, StatusCodes.Status401Unauthorized, problem).ConfigureAwait(false);
            return;
        }

        // Argo compares the first Content-Type value exactly: Slack sends it without parameters.
        var outcome = request.Headers.ContentType.FirstOrDefault() == FormContentType
            ? FromForm(body)
            : FromEventsApi(body);
        if (outcome.Error is not null)
        {
            await RejectAsync(context, StatusCodes.Status500InternalServerError, outcome.Error).ConfigureAwait(false);
            return;
        }

        if (outcome.Data is null)
        {
            // url_verification is answered with its challenge; other envelopes only need an acknowledgement.
            await WebhookRequest.RespondAsync(context.Response, StatusCodes.Status200OK, outcome.Answer ?? "success").ConfigureAwait(false);
            return;
        }

        await DispatchAndRespondAsync(context, outcome.Data, outcome.Id).ConfigureAwait(false);
    }

    private static Outcome FromForm(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        string First(string name) => form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? "" : "";

        if (First("payload") is { Length: > 0 } payload)
        {
            var json = Encoding.UTF8.GetBytes(payload);
            if (!IsObjectOrNull(json))
            {
                return Outcome.Failed("failed to parse interaction event: the payload is not a JSON object");
            }

            var output = new ArrayBufferWriter<byte>(json.Length);
            GoJson.WriteCompactedRaw(output, json);
            return new Outcome(output.WrittenSpan.ToArray());
        }

        return First("command").Length > 0
            ? new Outcome(SlackSlashCommand.Json(form))
            : Outcome.Failed("could not determine slack type from form parameters");
    }

    private Outcome FromEventsApi(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, GoJsonValue.ReadOptions);
        }
        catch (JsonException e)
        {
            return Outcome.Failed($"failed to extract event, {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Outcome.Failed("failed to extract event, the body is not a JSON object");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(GoJsonMember.String(root, "token")), _verificationToken))
            {
                return Outcome.Failed("failed to extract event, Invalid verification token");
            }

            switch (GoJsonMember.String(root, "type"))
            {
                case "url_verification":
                    return new Outcome(null, Answer: GoJsonMember.String(root, "challenge"));
                case "event_callback":
                    if (GoJsonMember.Find(root, "event") is not { ValueKind: JsonValueKind.Object } inner)
                    {
                        return Outcome.Failed("failed to extract event, event_callback has no event object");
                    }

                    var output = new ArrayBufferWriter<byte>(body.Length);
                    GoJsonWriter.Raw(output, "{"u8);
                    GoJsonWriter.StringField(output, "type"u8, GoJsonMember.String(inner, "type"), first: true);
                    GoJsonWriter.Raw(output, ",\"Data\":"u8);
                    GoJson.WriteCompactedRaw(output, JsonMarshalRaw(inner));
                    GoJsonWriter.Raw(output, "}"u8);
                    return new Outcome(output.WrittenSpan.ToArray(), Id: HappeningId("slack-event", GoJsonMember.String(root, "event_id")));
                default:
                    return new Outcome(null);
            }
        }
    }

    private static ReadOnlySpan<byte> JsonMarshalRaw(JsonElement element) => System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);

    private static bool IsObjectOrNull(byte[] json)
    {
        if (!JsonText.IsValid(json))
        {
            return false;
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();
        return reader.TokenType is JsonTokenType.StartObject or JsonTokenType.Null;
    }

    /// <summary>What a request amounts to: an event to publish, a direct answer, or an error.</summary>
    private readonly record struct Outcome(byte[]? Data, string? Id = null, string? Answer = null, string? Error = null)
    {
        public static Outcome Failed(string error) => new(null, Error: error);
    }
}
