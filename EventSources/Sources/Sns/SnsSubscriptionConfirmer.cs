namespace ArgoEvents.EventSources.Sources.Sns;

/// <summary>
/// Confirms a subscription the way AWS documents for HTTP(S) endpoints: a GET of the message's <c>SubscribeURL</c>
/// (only a URL the <see cref="SnsUrlPolicy"/> allows, without following redirects).
/// </summary>
public sealed class SnsSubscriptionConfirmer
{
    private readonly HttpClient _http;
    private readonly SnsUrlPolicy _policy;

    /// <summary>Creates the confirmer; <paramref name="http"/> must not follow redirects.</summary>
    public SnsSubscriptionConfirmer(HttpClient http, SnsUrlPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(policy);
        _http = http;
        _policy = policy;
    }

    /// <summary>Confirms; returns why it failed, or null.</summary>
    public async Task<string?> ConfirmAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_policy.Problem(message.SubscribeUrl, "SubscribeURL") is { } problem)
        {
            return problem;
        }

        try
        {
            using var response = await _http.GetAsync(message.SubscribeUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"SNS answered the subscription confirmation with {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return $"failed to send confirmation to aws sns, {e.Message}";
        }
    }
}
