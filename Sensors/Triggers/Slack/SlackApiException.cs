namespace ArgoEvents.Sensors.Triggers.Slack;

/// <summary>A Slack Web API method answered <c>"ok": false</c>; <see cref="Error"/> is Slack's error code.</summary>
internal sealed class SlackApiException : Exception
{
    /// <summary>Creates the exception for <paramref name="method"/> failing with <paramref name="error"/>.</summary>
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, e.g. <c>not_in_channel</c>.</summary>
    public string Error { get; }
}
