namespace ArgoEvents.Testing.Nats;

/// <summary>One answer of the HTTP monitoring port; status 0 means no HTTP answer at all (Body says why).</summary>
public sealed record MonitorReply(int StatusCode, string Body)
{
    /// <summary>True for HTTP 200.</summary>
    public bool IsOk => StatusCode == 200;

    /// <inheritdoc />
    public override string ToString() => $"{StatusCode} {Body.ReplaceLineEndings(" ")}";
}
