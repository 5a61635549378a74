using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Logging;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.EventSources.Sources.BitbucketServer;

/// <summary>
/// The <c>bitbucketserver</c> type: one webhook route per event. Argo also creates and updates the repository webhooks
/// through the REST API when <c>accessToken</c> and <c>webhook.url</c> are set; this build does not, says so at start,
/// and serves the route. The API is used for <c>skipBranchRefsChangedOnOpenPR</c>. Unlike Argo, which checks
/// <c>webhookSecret</c> only when it manages the hooks, the signature is always checked when the secret is set.
/// </summary>
public sealed partial class BitbucketServerSourceFactory : ISourceFactory
{
    private static readonly HttpClient RestClient = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.BitbucketServer;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (BitbucketServerEventSource)source.Source;
        var field = $"spec.bitbucketserver.{source.Name}";

        var endpoint = WebhookSourceFactory.Endpoint(source.Name, spec.Webhook!, $"{field}.webhook", context.Secrets);
        var secret = context.Secrets.Resolve(spec.WebhookSecret, $"{field}.webhookSecret");
        var logger = context.LoggerFactory.CreateLogger<BitbucketServerRouteHandler>();
        if (spec.AccessToken is not null && !string.IsNullOrEmpty(spec.Webhook!.Url))
        {
            LogHooksNotManaged(logger, context.EventSourceName, source.Name, $"{spec.Webhook.Url.TrimEnd('/')}{endpoint.Endpoint}");
        }

        var options = new BitbucketServerRouteOptions(
            string.IsNullOrEmpty(secret) ? null : BitbucketServerSignature.Key(secret),
            spec.SkipBranchRefsChangedOnOpenPR ? PullRequests(spec, field, context.Secrets) : null,
            spec.OneEventPerChange,
            spec.Metadata);
        return SourceParts.FromRoutes(new BitbucketServerRouteHandler(endpoint, options, context, logger));
    }

    private static BitbucketServerPullRequests PullRequests(BitbucketServerEventSource spec, string field, SecretResolver secrets)
    {
        if (spec.AccessToken is null)
        {
            throw new InvalidOperationException($"{field}.skipBranchRefsChangedOnOpenPR: needs accessToken to ask Bitbucket Server for the pull requests of a commit.");
        }

        if (spec.Tls is not null)
        {
            throw new InvalidOperationException($"{field}.tls: client TLS settings for the Bitbucket Server API are not supported by this build yet; remove tls or skipBranchRefsChangedOnOpenPR.");
        }

        if (!Uri.TryCreate(spec.BitbucketServerBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not "http" and not "https")
        {
            throw new InvalidOperationException($"{field}.bitbucketserverBaseURL: '{spec.BitbucketServerBaseUrl}' is not an http(s) URL.");
        }

        var token = secrets.Resolve(spec.AccessToken, $"{field}.accessToken")
            ?? throw new InvalidOperationException($"{field}.accessToken: the optional secret is absent, and skipBranchRefsChangedOnOpenPR needs it.");
        return new BitbucketServerPullRequests(RestClient, baseUrl, token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventSource}.{EventName}: Bitbucket Server webhook management is not performed by this build; the route is served, add the webhook for {HookUrl} in the repository settings yourself")]
    private static partial void LogHooksNotManaged(ILogger logger, string eventSource, string eventName, string hookUrl);
}
