using System.Collections.ObjectModel;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// A CloudEvents 1.0 event: context attributes, extension attributes and optional data.
/// Setters only reject null; <see cref="Validate"/> checks the rules of the specification,
/// and the encoders call it before writing.
/// </summary>
public sealed class CloudEvent
{
    /// <summary>The only CloudEvents version this type reads and writes.</summary>
    public const string SupportedSpecVersion = "1.0";

    private string _specVersion = SupportedSpecVersion;
    private string _id;
    private string _source;
    private string _type;
    private SortedList<string, CloudEventAttributeValue>? _extensions;
    private ReadOnlyDictionary<string, CloudEventAttributeValue>? _extensionsView;

    /// <summary>Creates an event with the required attributes; <see cref="SpecVersion"/> is "1.0".</summary>
    /// <param name="id">The id, unique within the source.</param>
    /// <param name="source">The source, a URI reference (Argo Events uses the EventSource name).</param>
    /// <param name="type">The type of occurrence (Argo Events uses the event source type, e.g. "webhook").</param>
    public CloudEvent(string id, string source, string type)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(type);
        _id = id;
        _source = source;
        _type = type;
    }

    /// <summary>For decoders, which fill the required attributes as they find them.</summary>
    internal CloudEvent()
    {
        _id = string.Empty;
        _source = string.Empty;
        _type = string.Empty;
    }

    /// <summary>The <c>specversion</c> attribute; <see cref="Validate"/> accepts only "1.0".</summary>
    public string SpecVersion
    {
        get => _specVersion;
        set => _specVersion = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The <c>id</c> attribute (required, non-empty).</summary>
    public string Id
    {
        get => _id;
        set => _id = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The <c>source</c> attribute (required, a non-empty URI reference).</summary>
    public string Source
    {
        get => _source;
        set => _source = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The <c>type</c> attribute (required, non-empty).</summary>
    public string Type
    {
        get => _type;
        set => _type = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The <c>subject</c> attribute; null when absent, non-empty when present.</summary>
    public string? Subject { get; set; }

    /// <summary>The <c>datacontenttype</c> attribute, a media type such as "application/json"; null when absent.</summary>
    public string? DataContentType { get; set; }

    /// <summary>The <c>dataschema</c> attribute, an absolute URI; null when absent.</summary>
    public Uri? DataSchema { get; set; }

    /// <summary>The <c>time</c> attribute; null when absent. Encoders write it in UTC.</summary>
    public DateTimeOffset? Time { get; set; }

    /// <summary>
    /// The data bytes; empty when <see cref="HasData"/> is false. An event read by a decoder may
    /// share this memory with the decoded input, so that input must not be reused while the event lives.
    /// </summary>
    public ReadOnlyMemory<byte> Data { get; private set; }

    /// <summary>True when the event carries data (possibly zero bytes); false when data is absent.</summary>
    public bool HasData { get; private set; }

    /// <summary>The extension attributes, ordered by name (ordinal).</summary>
    public IReadOnlyDictionary<string, CloudEventAttributeValue> Extensions =>
        _extensions is null
            ? ReadOnlyDictionary<string, CloudEventAttributeValue>.Empty
            : _extensionsView ??= new ReadOnlyDictionary<string, CloudEventAttributeValue>(_extensions);

    /// <summary>Sets the data. The memory is kept, not copied.</summary>
    /// <param name="data">The data bytes; for JSON content types, a JSON value.</param>
    public void SetData(ReadOnlyMemory<byte> data)
    {
        Data = data;
        HasData = true;
        DataIsReadJson = false;
    }

    /// <summary>
    /// Whether the data is a JSON value this event was read with from structured JSON: then it is well-formed JSON,
    /// checked token by token by the reader, and consumers need not validate it again.
    /// </summary>
    public bool DataIsReadJson { get; private set; }

    /// <summary>Removes the data, so that the event has none.</summary>
    public void RemoveData()
    {
        Data = ReadOnlyMemory<byte>.Empty;
        HasData = false;
        DataIsReadJson = false;
    }

    /// <summary>Sets data the JSON reader validated as a JSON value.</summary>
    internal void SetReadJsonData(ReadOnlyMemory<byte> data)
    {
        SetData(data);
        DataIsReadJson = true;
    }

    /// <summary>Adds or replaces an extension attribute.</summary>
    /// <param name="name">The name: lower-case a-z and 0-9 only, not a context attribute name.</param>
    /// <param name="value">The typed value.</param>
    /// <exception cref="CloudEventValidationException">The name breaks the naming rules.</exception>
    public void SetExtension(string name, CloudEventAttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value.IsEmpty)
        {
            throw new ArgumentException($"The value for extension attribute '{name}' is empty (default); create one with a CloudEventAttributeValue.From... method.", nameof(value));
        }

        CloudEventAttributeNames.EnsureValidExtensionName(name);
        _extensions ??= new SortedList<string, CloudEventAttributeValue>(StringComparer.Ordinal);
        _extensions[name] = value;
    }

    /// <summary>Reads an extension attribute.</summary>
    /// <param name="name">The name of the extension attribute.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>True when the event has the extension attribute.</returns>
    public bool TryGetExtension(string name, out CloudEventAttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_extensions is not null && _extensions.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Removes an extension attribute.</summary>
    /// <param name="name">The name of the extension attribute.</param>
    /// <returns>True when it was present.</returns>
    public bool RemoveExtension(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _extensions is not null && _extensions.Remove(name);
    }

    /// <summary>
    /// Checks the CloudEvents 1.0 rules: specversion "1.0"; id, source and type non-empty; source a
    /// URI reference; subject non-empty when present; datacontenttype a type/subtype media type;
    /// dataschema an absolute URI; no control characters, noncharacters or unpaired surrogates in
    /// string attributes (extensions included).
    /// </summary>
    /// <exception cref="CloudEventValidationException">A rule is broken; <see cref="CloudEventValidationException.AttributeName"/> names the attribute.</exception>
    public void Validate()
    {
        if (!string.Equals(SpecVersion, SupportedSpecVersion, StringComparison.Ordinal))
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.SpecVersion,
                $"CloudEvent attribute 'specversion' must be \"{SupportedSpecVersion}\", but is \"{SpecVersion}\".");
        }

        CloudEventStringRules.EnsureNonEmptyAllowed(CloudEventAttributeNames.Id, Id);
        CloudEventStringRules.EnsureNonEmptyAllowed(CloudEventAttributeNames.Source, Source);
        if (!CloudEventUriRules.IsUriReference(Source))
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.Source,
                $"CloudEvent attribute 'source' must be a URI reference, but \"{Source}\" is not one.");
        }

        CloudEventStringRules.EnsureNonEmptyAllowed(CloudEventAttributeNames.Type, Type);
        if (Subject is not null)
        {
            CloudEventStringRules.EnsureNonEmptyAllowed(CloudEventAttributeNames.Subject, Subject);
        }

        if (DataContentType is not null)
        {
            CloudEventStringRules.EnsureNonEmptyAllowed(CloudEventAttributeNames.DataContentType, DataContentType);
            if (!CloudEventMediaType.IsWellFormed(DataContentType))
            {
                throw new CloudEventValidationException(
                    CloudEventAttributeNames.DataContentType,
                    $"CloudEvent attribute 'datacontenttype' must be a media type such as \"application/json\", but is \"{DataContentType}\".");
            }
        }

        if (DataSchema is not null && !CloudEventUriRules.IsAbsolute(DataSchema))
        {
            throw new CloudEventValidationException(
                CloudEventAttributeNames.DataSchema,
                $"CloudEvent attribute 'dataschema' must be an absolute URI, but \"{DataSchema.OriginalString}\" is not one.");
        }

        if (_extensions is not null)
        {
            foreach (var (name, value) in _extensions)
            {
                if (value.Type == CloudEventAttributeType.String)
                {
                    CloudEventStringRules.EnsureAllowed(name, value.AsString());
                }
            }
        }
    }
}
