namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>How the JSON format carries the data of an event, chosen from its datacontenttype.</summary>
internal enum CloudEventDataEncoding
{
    /// <summary>Embedded as a JSON value in <c>data</c> (absent, */json and */*+json content types).</summary>
    Json,

    /// <summary>Written as a JSON string in <c>data</c> (text/*, application/xml, */*+xml).</summary>
    Text,

    /// <summary>Written as base64 in <c>data_base64</c> (everything else).</summary>
    Binary,
}
