namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The types of the CloudEvents 1.0 type system that an extension attribute value can have.
/// </summary>
public enum CloudEventAttributeType
{
    /// <summary>A sequence of allowed Unicode characters.</summary>
    String = 1,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A 32-bit signed whole number.</summary>
    Integer,

    /// <summary>An absolute URI (RFC 3986 section 4.3).</summary>
    Uri,

    /// <summary>A URI reference, absolute or relative (RFC 3986 section 4.1).</summary>
    UriReference,

    /// <summary>A sequence of bytes, written as base64 in text encodings.</summary>
    Binary,

    /// <summary>A date and time, written as an RFC 3339 timestamp.</summary>
    Timestamp,
}
