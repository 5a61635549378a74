using System.Globalization;
using System.Net;
using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers;

namespace ArgoEvents.Sensors.Artifacts;

/// <summary>
/// <c>source.url</c>: a manifest fetched with GET at every firing. As in Argo, only a 200 answer counts, at most 512 KiB
/// of it is read, and the server's certificate is checked only when <c>verifyCert</c> is true.
/// </summary>
internal sealed class UrlTriggerSource : TriggerSource
{
    private const int MaximumBytes = 512 * 1024;
    private readonly Uri _url;
    private readonly HttpClient _http;

    public UrlTriggerSource(UrlArtifact url, string fieldPath)
        : base(fieldPath)
    {
        if (string.IsNullOrWhiteSpace(url.Path))
        {
            throw new TriggerConfigurationException($"{fieldPath}.path is required: the URL of the manifest.");
        }

        if (!Uri.TryCreate(url.Path, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new TriggerConfigurationException($"{fieldPath}.path '{url.Path}' is not an absolute http or https URL.");
        }

        _url = parsed;
        var handler = new SocketsHttpHandler();
        if (!url.EffectiveVerifyCert)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        _http = new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromMinutes(1) };
    }

    public override async Task<byte[]> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(_url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new TriggerExecutionException(
                    $"{FieldPath}: GET {_url} answered {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} {response.StatusCode}; the manifest needs a 200 answer.");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var bodyDisposal = body.ConfigureAwait(false);
            var buffer = new byte[MaximumBytes];
            var length = 0;
            int read;
            while (length < MaximumBytes && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return Decode(Encoding.UTF8.GetString(buffer, 0, length), $"{FieldPath} ({_url})");
        }
        catch (HttpRequestException e)
        {
            throw new TriggerExecutionException($"{FieldPath}: GET {_url} failed: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TriggerExecutionException($"{FieldPath}: GET {_url} timed out.", e);
        }
    }

    public override void Dispose() => _http.Dispose();
}
