namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// Thrown when a CloudEvent breaks the CloudEvents 1.0 rules, or when an encoded event
/// (JSON or HTTP) cannot be read. <see cref="AttributeName"/> names the attribute, JSON member
/// or HTTP header at fault.
/// </summary>
public sealed class CloudEventValidationException : Exception
{
    /// <summary>Creates the exception without details.</summary>
    public CloudEventValidationException()
        : base("The CloudEvent is not valid.")
    {
    }

    /// <summary>Creates the exception with a message and no attribute name.</summary>
    /// <param name="message">What is wrong.</param>
    public CloudEventValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message, no attribute name and the cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that revealed the problem.</param>
    public CloudEventValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one attribute.</summary>
    /// <param name="attributeName">The attribute or member at fault, or null when none applies.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that revealed the problem, if any.</param>
    /// <param name="bytePosition">The zero-based byte offset in the input where reading failed, if known.</param>
    public CloudEventValidationException(
        string? attributeName,
        string message,
        Exception? innerException = null,
        long? bytePosition = null)
        : base(message, innerException)
    {
        AttributeName = attributeName;
        BytePosition = bytePosition;
    }

    /// <summary>
    /// The attribute (or JSON member / HTTP header attribute) at fault, e.g. <c>time</c>;
    /// null when the problem is not tied to one attribute, such as a body that is not a JSON object.
    /// </summary>
    public string? AttributeName { get; }

    /// <summary>
    /// For malformed JSON: the zero-based byte offset in the input where the reader stopped; otherwise null.
    /// </summary>
    public long? BytePosition { get; }
}
