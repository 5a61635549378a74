namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The CloudEvents HTTP protocol binding over neutral inputs (a Content-Type, header pairs and a
/// body), so that any HTTP stack can use it. Binary and structured (JSON) modes are supported;
/// batched mode is not.
/// </summary>
public static class CloudEventHttpBinding
{
    /// <summary>The prefix of the headers that carry attributes in binary mode.</summary>
    public const string HeaderPrefix = "ce-";

    /// <summary>The media type of batched mode, which this binding refuses.</summary>
    public const string BatchMediaType = "application/cloudevents-batch+json";

    private const string StructuredMediaTypePrefix = "application/cloudevents";
    private const string SpecVersionHeader = "ce-specversion";

    /// <summary>
    /// Tells whether an HTTP message is a CloudEvent: a structured-mode Content-Type
    /// (<c>application/cloudevents...</c>, batches included) or a <c>ce-specversion</c> header.
    /// A webhook can use this to fall back to treating the body as a plain payload.
    /// </summary>
    /// <param name="contentType">The Content-Type header, or null.</param>
    /// <param name="headers">The other headers (names case-insensitive).</param>
    /// <returns>True when the message claims to carry a CloudEvent.</returns>
    public static bool IsCloudEvent(string? contentType, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return IsStructuredContentType(contentType) || HasSpecVersionHeader(headers);
    }

    /// <summary>Reads a CloudEvent from an HTTP message in binary or structured mode.</summary>
    /// <param name="contentType">The Content-Type header, or null.</param>
    /// <param name="headers">The other headers; only <c>ce-*</c> ones are used.</param>
    /// <param name="body">The body. The event's data may share this memory.</param>
    /// <returns>The validated event.</returns>
    /// <exception cref="CloudEventValidationException">The message is not a CloudEvent, or an attribute is missing or invalid.</exception>
    /// <exception cref="NotSupportedException">The message uses batched mode or a structured format other than JSON.</exception>
    public static CloudEvent Read(string? contentType, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (IsStructuredContentType(contentType))
        {
            var essence = CloudEventMediaType.Essence(contentType!);
            if (essence.Equals(CloudEventJsonFormat.MediaType, StringComparison.OrdinalIgnoreCase))
            {
                return CloudEventJsonFormat.Parse(body);
            }

            if (essence.StartsWith("application/cloudevents-batch", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotSupportedException(
                    $"Batched CloudEvents ({BatchMediaType}) are not supported; send one event per HTTP message in binary or structured mode.");
            }

            throw new NotSupportedException(
                $"The structured CloudEvents format '{essence}' is not supported; only {CloudEventJsonFormat.MediaType} is.");
        }

        if (!HasSpecVersionHeader(headers))
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.SpecVersion,
                $"The HTTP message is not a CloudEvent: its Content-Type \"{contentType}\" is not {CloudEventJsonFormat.MediaType} and it has no {SpecVersionHeader} header.");
        }

        return ReadBinary(contentType, headers, body);
    }

    /// <summary>
    /// Returns the binary-mode <c>ce-*</c> headers of an event (values percent-encoded), after
    /// validating it. Content-Type is not among them: set it to <see cref="CloudEvent.DataContentType"/>
    /// and send <see cref="CloudEvent.Data"/> as the body.
    /// </summary>
    /// <param name="cloudEvent">The event.</param>
    /// <returns>Header names (lower case) and values.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> CreateBinaryHeaders(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        cloudEvent.Validate();
        var headers = new List<KeyValuePair<string, string>>(8 + cloudEvent.Extensions.Count);
        Add(headers, CloudEventAttributeNames.SpecVersion, cloudEvent.SpecVersion);
        Add(headers, CloudEventAttributeNames.Id, cloudEvent.Id);
        Add(headers, CloudEventAttributeNames.Source, cloudEvent.Source);
        Add(headers, CloudEventAttributeNames.Type, cloudEvent.Type);
        if (cloudEvent.Subject is not null)
        {
            Add(headers, CloudEventAttributeNames.Subject, cloudEvent.Subject);
        }

        if (cloudEvent.DataSchema is not null)
        {
            Add(headers, CloudEventAttributeNames.DataSchema, cloudEvent.DataSchema.OriginalString);
        }

        if (cloudEvent.Time is { } time)
        {
            Add(headers, CloudEventAttributeNames.Time, CloudEventTimestamp.Format(time));
        }

        foreach (var (name, value) in cloudEvent.Extensions)
        {
            Add(headers, name, value.ToCanonicalString());
        }

        return headers;
    }

    private static void Add(List<KeyValuePair<string, string>> headers, string attributeName, string value) =>
        headers.Add(new(HeaderPrefix + attributeName, CloudEventHttpHeaderValue.Encode(attributeName, value)));

    private static bool IsStructuredContentType(string? contentType) =>
        contentType is not null
        && CloudEventMediaType.Essence(contentType).StartsWith(StructuredMediaTypePrefix, StringComparison.OrdinalIgnoreCase);

    private static bool HasSpecVersionHeader(IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, _) in headers)
        {
            if (string.Equals(name, SpecVersionHeader, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static CloudEvent ReadBinary(string? contentType, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        var evt = new CloudEvent();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (headerName, headerValue) in headers)
        {
            if (headerName.Length <= HeaderPrefix.Length
                || !headerName.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = headerName[HeaderPrefix.Length..].ToLowerInvariant();
            if (!found.Add(name))
            {
                throw new CloudEventValidationException(name, $"The HTTP message has the header {headerName} more than once.");
            }

            ApplyHeader(evt, name, CloudEventHttpHeaderValue.Decode(name, headerValue));
        }

        foreach (var required in (ReadOnlySpan<string>)[CloudEventAttributeNames.Id, CloudEventAttributeNames.Source, CloudEventAttributeNames.Type])
        {
            if (!found.Contains(required))
            {
                throw new CloudEventValidationException(required, $"The binary-mode CloudEvent lacks the required header {HeaderPrefix}{required}.");
            }
        }

        if (!string.IsNullOrEmpty(contentType))
        {
            evt.DataContentType = contentType;
        }

        // An empty body means no data: HTTP cannot tell absent data from zero bytes.
        if (!body.IsEmpty)
        {
            evt.SetData(body);
        }

        evt.Validate();
        return evt;
    }

    private static void ApplyHeader(CloudEvent evt, string name, string value)
    {
        switch (name)
        {
            case CloudEventAttributeNames.SpecVersion:
                if (!string.Equals(value, CloudEvent.SupportedSpecVersion, StringComparison.Ordinal))
                {
                    throw new CloudEventValidationException(
                        name,
                        $"The HTTP message has {SpecVersionHeader} \"{value}\", but only \"{CloudEvent.SupportedSpecVersion}\" is supported.");
                }

                break;
            case CloudEventAttributeNames.Id:
                evt.Id = value;
                break;
            case CloudEventAttributeNames.Source:
                evt.Source = value;
                break;
            case CloudEventAttributeNames.Type:
                evt.Type = value;
                break;
            case CloudEventAttributeNames.Subject:
                evt.Subject = value;
                break;
            case CloudEventAttributeNames.DataContentType:
                throw new CloudEventValidationException(
                    name,
                    $"A binary-mode CloudEvent must not have a {HeaderPrefix}datacontenttype header; its Content-Type header carries datacontenttype.");
            case CloudEventAttributeNames.DataSchema:
                evt.DataSchema = CloudEventUriRules.TryCreateAbsolute(value, out var schema)
                    ? schema
                    : throw new CloudEventValidationException(name, $"The header {HeaderPrefix}dataschema must be an absolute URI, but is \"{value}\".");
                break;
            case CloudEventAttributeNames.Time:
                evt.Time = CloudEventTimestamp.TryParse(value, out var time)
                    ? time
                    : throw new CloudEventValidationException(name, $"The header {HeaderPrefix}time must be an RFC 3339 timestamp such as \"2026-07-18T12:00:00Z\", but is \"{value}\".");
                break;
            default:
                // Headers do not say which type an extension has; String is the canonical form of all.
                evt.SetExtension(name, CloudEventAttributeValue.FromString(value));
                break;
        }
    }
}
