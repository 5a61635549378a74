namespace ArgoEvents.Sensors.Tests.Triggers.Http.Support;

/// <summary>One request an in-test server received.</summary>
public sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? ClientCertificateSubject)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
