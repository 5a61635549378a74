using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ArgoEvents.EventSources.Sources.Github;

/// <summary>
/// Where the JSON of a GitHub delivery is, by its content type, as go-github reads it: the whole body for
/// <c>application/json</c>, the <c>payload</c> form field for <c>application/x-www-form-urlencoded</c>; other types
/// are refused. The signature always covers the raw body.
/// </summary>
internal static class GithubPayloadBody
{
    /// <summary>The JSON text of the delivery, or the reason the content type is refused.</summary>
    public static (ReadOnlyMemory<byte> Json, string? Problem) Extract(HttpRequest request, byte[] body)
    {
        var contentType = request.Headers.ContentType.ToString();
        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (mediaType.Length == 0)
        {
            return (default, "mime: no media type");
        }

        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (body, null);
        }

        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            var payload = form.TryGetValue("payload", out var values) && values.Count > 0 ? values[0] ?? "" : "";
            return (Encoding.UTF8.GetBytes(payload), null);
        }

        return (default, $"webhook request has unsupported Content-Type \"{mediaType}\"");
    }
}
