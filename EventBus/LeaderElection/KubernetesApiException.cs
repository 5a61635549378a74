using System.Net;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>The Kubernetes API server refused a request, or answered with something that is not what the API documents.</summary>
public sealed class KubernetesApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status; null when the answer itself was malformed.</param>
    /// <param name="message">What was asked and what the server said.</param>
    public KubernetesApiException(HttpStatusCode? statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status; null when the answer itself was malformed.</summary>
    public HttpStatusCode? StatusCode { get; }
}
