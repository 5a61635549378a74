namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>How an HTTP message carries a CloudEvent (CloudEvents HTTP protocol binding 1.0.2).</summary>
public enum CloudEventHttpContentMode
{
    /// <summary>Attributes in <c>ce-*</c> headers, Content-Type = datacontenttype, body = data.</summary>
    Binary = 1,

    /// <summary>The whole event in the body as <c>application/cloudevents+json</c>.</summary>
    Structured,
}
