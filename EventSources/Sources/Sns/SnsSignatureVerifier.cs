using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ArgoEvents.EventSources.Sources.Sns;

/// <summary>
/// Verifies SNS message signatures: the certificate named by <c>SigningCertURL</c> (only from hosts the
/// <see cref="SnsUrlPolicy"/> allows; kept once fetched) must hold the RSA key whose PKCS#1 v1.5 signature over the
/// message's string to sign is <c>Signature</c>, with SHA1 for <c>SignatureVersion</c> 1 and SHA256 for 2.
/// </summary>
public sealed class SnsSignatureVerifier
{
    private const int MaxCertificateBytes = 65 * 1024;
    private const int MaxCachedCertificates = 32;
    private readonly HttpClient _http;
    private readonly SnsUrlPolicy _policy;
    private readonly ConcurrentDictionary<string, X509Certificate2> _certificates = new(StringComparer.Ordinal);

    /// <summary>Creates the verifier.</summary>
    public SnsSignatureVerifier(HttpClient http, SnsUrlPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(policy);
        _http = http;
        _policy = policy;
    }

    /// <summary>Why <paramref name="message"/> is not signed by SNS; null when it is.</summary>
    public async Task<string?> ProblemAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        HashAlgorithmName? algorithm = message.SignatureVersion switch
        {
            "" or "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => null,
        };
        if (algorithm is null)
        {
            return $"unsupported SignatureVersion '{message.SignatureVersion}'";
        }

        var signature = new byte[message.Signature.Length];
        if (message.Signature.Length == 0 || !Convert.TryFromBase64String(message.Signature, signature, out var signatureLength))
        {
            return "failed to base64 decode signature";
        }

        if (message.StringToSign() is not { } signed)
        {
            return $"messages of type '{message.Type}' carry no signature to verify";
        }

        if (_policy.Problem(message.SigningCertUrl, "SigningCertURL") is { } urlProblem)
        {
            return $"failed to verify SigningCertURL, {urlProblem}";
        }

        var (certificate, certificateProblem) = await CertificateAsync(message.SigningCertUrl, cancellationToken).ConfigureAwait(false);
        if (certificate is null)
        {
            return certificateProblem;
        }

        using var key = certificate.GetRSAPublicKey();
        if (key is null)
        {
            return "the signing certificate holds no RSA key";
        }

        return key.VerifyData(signed, signature.AsSpan(0, signatureLength), algorithm.Value, RSASignaturePadding.Pkcs1)
            ? null
            : "message signature check error, the signature does not match";
    }

    private async Task<(X509Certificate2? Certificate, string? Problem)> CertificateAsync(string url, CancellationToken cancellationToken)
    {
        if (_certificates.TryGetValue(url, out var cached))
        {
            return (cached, null);
        }

        string pem;
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"failed to fetch signing cert, {url} answered {(int)response.StatusCode}");
            }

            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxCertificateBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            pem = Encoding.ASCII.GetString(buffer, 0, length);
        }
        catch (HttpRequestException e)
        {
            return (null, $"failed to fetch signing cert, {e.Message}");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            return (null, $"failed to parse signing cert, {e.Message}");
        }

        if (_certificates.Count >= MaxCachedCertificates)
        {
            // SNS rotates certificates rarely; forgetting them all is simpler than tracking use and costs one fetch each.
            _certificates.Clear();
        }

        return (_certificates.GetOrAdd(url, certificate), null);
    }
}
