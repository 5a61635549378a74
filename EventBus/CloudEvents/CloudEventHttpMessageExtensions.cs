using System.Net.Http.Headers;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// Puts CloudEvents into <see cref="HttpRequestMessage"/>s and reads them from requests and
/// responses of System.Net.Http, through <see cref="CloudEventHttpBinding"/>.
/// </summary>
public static class CloudEventHttpMessageExtensions
{
    private const string ContentTypeHeader = "Content-Type";

    /// <summary>
    /// Writes the event into the request: <c>ce-*</c> headers and the data as body in binary mode,
    /// or the JSON event format as body in structured mode. Replaces the content and any
    /// <c>ce-*</c> headers the request had.
    /// </summary>
    /// <param name="request">The request to fill.</param>
    /// <param name="cloudEvent">The event; it is validated first.</param>
    /// <param name="mode">Binary or structured.</param>
    public static void SetCloudEvent(this HttpRequestMessage request, CloudEvent cloudEvent, CloudEventHttpContentMode mode)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cloudEvent);
        switch (mode)
        {
            case CloudEventHttpContentMode.Binary:
                SetBinary(request, cloudEvent);
                break;
            case CloudEventHttpContentMode.Structured:
                SetStructured(request, cloudEvent);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use CloudEventHttpContentMode.Binary or CloudEventHttpContentMode.Structured.");
        }
    }

    /// <summary>Tells whether the request carries a CloudEvent (see <see cref="CloudEventHttpBinding.IsCloudEvent"/>).</summary>
    /// <param name="request">The request.</param>
    /// <returns>True when it claims to carry a CloudEvent.</returns>
    public static bool IsCloudEvent(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CloudEventHttpBinding.IsCloudEvent(ContentTypeOf(request.Content), CollectHeaders(request.Headers, request.Content));
    }

    /// <summary>Tells whether the response carries a CloudEvent (see <see cref="CloudEventHttpBinding.IsCloudEvent"/>).</summary>
    /// <param name="response">The response.</param>
    /// <returns>True when it claims to carry a CloudEvent.</returns>
    public static bool IsCloudEvent(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return CloudEventHttpBinding.IsCloudEvent(ContentTypeOf(response.Content), CollectHeaders(response.Headers, response.Content));
    }

    /// <summary>Reads the CloudEvent a request carries, in binary or structured mode.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    /// <returns>The validated event.</returns>
    public static Task<CloudEvent> ReadCloudEventAsync(this HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadAsync(request.Headers, request.Content, cancellationToken);
    }

    /// <summary>Reads the CloudEvent a response carries, in binary or structured mode.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    /// <returns>The validated event.</returns>
    public static Task<CloudEvent> ReadCloudEventAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return ReadAsync(response.Headers, response.Content, cancellationToken);
    }

    private static void SetBinary(HttpRequestMessage request, CloudEvent cloudEvent)
    {
        var headers = CloudEventHttpBinding.CreateBinaryHeaders(cloudEvent);
        RemoveCloudEventHeaders(request.Headers);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (!cloudEvent.HasData && cloudEvent.DataContentType is null)
        {
            request.Content = null;
            return;
        }

        var content = new ReadOnlyMemoryContent(cloudEvent.Data);
        if (cloudEvent.DataContentType is not null)
        {
            content.Headers.TryAddWithoutValidation(ContentTypeHeader, cloudEvent.DataContentType);
        }

        request.Content = content;
    }

    private static void SetStructured(HttpRequestMessage request, CloudEvent cloudEvent)
    {
        var body = CloudEventJsonFormat.Serialize(cloudEvent);
        RemoveCloudEventHeaders(request.Headers);
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation(ContentTypeHeader, CloudEventJsonFormat.MediaType);
        request.Content = content;
    }

    private static void RemoveCloudEventHeaders(HttpHeaders headers)
    {
        List<string>? stale = null;
        foreach (var header in headers.NonValidated)
        {
            if (header.Key.StartsWith(CloudEventHttpBinding.HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                (stale ??= []).Add(header.Key);
            }
        }

        if (stale is not null)
        {
            foreach (var name in stale)
            {
                headers.Remove(name);
            }
        }
    }

    private static async Task<CloudEvent> ReadAsync(HttpHeaders headers, HttpContent? content, CancellationToken cancellationToken)
    {
        var contentType = ContentTypeOf(content);
        var cloudEventHeaders = CollectHeaders(headers, content);
        ReadOnlyMemory<byte> body = content is null
            ? ReadOnlyMemory<byte>.Empty
            : await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return CloudEventHttpBinding.Read(contentType, cloudEventHeaders, body);
    }

    private static string? ContentTypeOf(HttpContent? content) =>
        content is not null && content.Headers.NonValidated.TryGetValues(ContentTypeHeader, out var values)
            ? values.ToString()
            : null;

    /// <summary>The <c>ce-*</c> headers of the message and its content; repeated values are joined with ", " as HTTP does.</summary>
    private static List<KeyValuePair<string, string>> CollectHeaders(HttpHeaders headers, HttpContent? content)
    {
        var collected = new List<KeyValuePair<string, string>>();
        AddCloudEventHeaders(collected, headers);
        if (content is not null)
        {
            AddCloudEventHeaders(collected, content.Headers);
        }

        return collected;
    }

    private static void AddCloudEventHeaders(List<KeyValuePair<string, string>> collected, HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            if (header.Key.StartsWith(CloudEventHttpBinding.HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                collected.Add(new(header.Key, header.Value.ToString()));
            }
        }
    }
}
