using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ArgoEvents.Sensors.Triggers.Slack;

/// <summary>
/// Calls Slack Web API methods with a bot token: JSON bodies, the <c>ok</c>/<c>error</c> envelope, and HTTP 429 answered
/// by waiting the <c>Retry-After</c> seconds Slack asks for, up to a bound.
/// </summary>
internal sealed class SlackApiClient : IDisposable
{
    private const int MaxRateLimitedAttempts = 3;

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly TimeSpan _maxRetryAfter;
    private readonly TimeProvider _time;

    /// <summary>Creates a client for the API at <paramref name="baseAddress"/> (ending in <c>/api/</c>).</summary>
    public SlackApiClient(HttpClient http, Uri baseAddress, string token, TimeSpan maxRetryAfter, TimeProvider time)
    {
        _http = http;
        _baseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _authorization = new AuthenticationHeaderValue("Bearer", token);
        _maxRetryAfter = maxRetryAfter;
        _time = time;
    }

    /// <summary>POSTs <paramref name="jsonBody"/> to <paramref name="method"/> and returns the answer when it is <c>ok</c>.</summary>
    /// <exception cref="SlackApiException">Slack answered <c>ok: false</c>.</exception>
    /// <exception cref="TriggerExecutionException">Slack could not be reached, answered something else than its envelope, or kept rate-limiting.</exception>
    public Task<JsonElement> PostAsync(string method, byte[] jsonBody, CancellationToken cancellationToken) =>
        CallAsync(method, HttpMethod.Post, jsonBody, null, cancellationToken);

    /// <summary>GETs <paramref name="method"/> with <paramref name="query"/> (already encoded) and returns the answer when it is <c>ok</c>.</summary>
    public Task<JsonElement> GetAsync(string method, string query, CancellationToken cancellationToken) =>
        CallAsync(method, HttpMethod.Get, null, query, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> CallAsync(string method, HttpMethod httpMethod, byte[]? jsonBody, string? query, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseAddress, query is null ? method : method + "?" + query);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(httpMethod, uri);
            request.Headers.Authorization = _authorization;
            if (jsonBody is not null)
            {
                request.Content = new ByteArrayContent(jsonBody);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                throw new TriggerExecutionException($"Slack {method} could not be called: {e.Message}", e);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response);
                    if (attempt >= MaxRateLimitedAttempts || wait > _maxRetryAfter)
                    {
                        throw new TriggerExecutionException(
                            $"Slack {method} failed: ratelimited (HTTP 429, Retry-After {wait.TotalSeconds:0}s, attempt {attempt} of {MaxRateLimitedAttempts}).");
                    }

                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return ReadEnvelope(method, response.StatusCode, body);
            }
        }
    }

    // Slack sends seconds; an HTTP date is honoured too. Without the header a second is waited, Slack's usual minimum.
    private TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow() is { Ticks: > 0 } left ? left : TimeSpan.Zero,
            _ => TimeSpan.FromSeconds(1),
        };

    private static JsonElement ReadEnvelope(string method, HttpStatusCode status, byte[] body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new TriggerExecutionException(
                $"Slack {method} answered HTTP {(int)status} without a JSON envelope: {Snippet(body)}");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new TriggerExecutionException($"Slack {method} answered HTTP {(int)status} without an \"ok\" field: {Snippet(body)}");
        }

        if (ok.ValueKind == JsonValueKind.False)
        {
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown_error";
            throw new SlackApiException(method, error);
        }

        return root;
    }

    private static string Snippet(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        return string.Create(CultureInfo.InvariantCulture, $"'{text}'");
    }
}
