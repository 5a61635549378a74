using System.Security.Cryptography;
using System.Text;
using ArgoEvents.EventSources.Runtime;
using Microsoft.AspNetCore.Http;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>Reading an incoming webhook request: the size-limited body, the bearer token, the headers as Argo records them.</summary>
public static class WebhookRequest
{
    /// <summary>What Argo puts in place of the Authorization header once the token was checked.</summary>
    public const string MaskedAuthSecret = "*** Masked Auth Secret ***";

    /// <summary>Reads the whole body; null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is > 0 and <= int.MaxValue ? (int)request.ContentLength.Value : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Whether the request carries <c>Authorization: Bearer &lt;token&gt;</c>, compared in constant time.</summary>
    public static bool HasBearerToken(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(token);
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..]), Encoding.UTF8.GetBytes(token));
    }

    /// <summary>The request's headers under Go's canonical names, each with all its values.</summary>
    public static List<KeyValuePair<string, IReadOnlyList<string>>> Headers(HttpRequest request, bool maskAuthorization)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            // Go's server moves Host out of request.Header into request.Host, so Argo's payloads never carry it.
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var canonical = GoHeaderNames.Canonicalize(name);
            if (!headers.TryGetValue(canonical, out var list))
            {
                headers[canonical] = list = [];
            }

            if (maskAuthorization && canonical == "Authorization")
            {
                list.Add(MaskedAuthSecret);
                continue;
            }

            foreach (var value in values)
            {
                list.Add(value ?? "");
            }
        }

        return [.. headers.Select(h => new KeyValuePair<string, IReadOnlyList<string>>(h.Key, h.Value))];
    }

    /// <summary>Headers as name/value pairs for the CloudEvents HTTP binding.</summary>
    public static IEnumerable<KeyValuePair<string, string>> FlatHeaders(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                yield return new(name, value ?? "");
            }
        }
    }

    /// <summary>Writes a plain-text response, as Argo's webhook server answers.</summary>
    public static Task RespondAsync(HttpResponse response, int status, string text)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text);
    }
}
