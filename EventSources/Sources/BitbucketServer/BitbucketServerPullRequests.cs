using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ArgoEvents.EventSources.Sources.BitbucketServer;

/// <summary>
/// Asks Bitbucket Server's REST API whether a commit belongs to an open pull request
/// (<c>GET {base}/api/1.0/projects/{key}/repos/{slug}/commits/{hash}/pull-requests</c>, paged, bearer token), for
/// <c>skipBranchRefsChangedOnOpenPR</c>.
/// </summary>
public sealed class BitbucketServerPullRequests
{
    private const int PageSize = 500;
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _token;

    /// <summary>Creates the client for the REST base URL (Argo's <c>bitbucketserverBaseURL</c>, such as <c>https://host/rest</c>).</summary>
    public BitbucketServerPullRequests(HttpClient http, Uri baseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(token);
        _http = http;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _token = token;
    }

    /// <summary>Whether any pull request of <paramref name="commit"/> is in state OPEN.</summary>
    /// <exception cref="HttpRequestException">The server answered with an error or unreadable JSON.</exception>
    public async Task<bool> HasOpenPullRequestAsync(string projectKey, string repositorySlug, string commit, CancellationToken cancellationToken)
    {
        var start = 0;
        while (true)
        {
            var url = new Uri(_baseUrl, string.Create(CultureInfo.InvariantCulture,
                $"api/1.0/projects/{Uri.EscapeDataString(projectKey)}/repos/{Uri.EscapeDataString(repositorySlug)}/commits/{Uri.EscapeDataString(commit)}/pull-requests?limit={PageSize}&start={start}"));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"calling {url} failed with status {(int)response.StatusCode}");
            }

            using var document = ParsePage(url, body);
            var page = document.RootElement;
            if (page.ValueKind != JsonValueKind.Object)
            {
                throw new HttpRequestException($"{url} answered with {page.ValueKind} instead of a page object");
            }

            if (page.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
                && values.EnumerateArray().Any(pr => pr.ValueKind == JsonValueKind.Object && pr.TryGetProperty("state", out var state)
                    && state.ValueKind == JsonValueKind.String && string.Equals(state.GetString(), "OPEN", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            var isLastPage = !page.TryGetProperty("isLastPage", out var last) || last.ValueKind != JsonValueKind.False;
            if (isLastPage || !page.TryGetProperty("nextPageStart", out var next) || !next.TryGetInt32(out var nextStart) || nextStart <= start)
            {
                return false;
            }

            start = nextStart;
        }
    }

    private static JsonDocument ParsePage(Uri url, byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new HttpRequestException($"{url} answered with unreadable JSON: {e.Message}", e);
        }
    }
}
