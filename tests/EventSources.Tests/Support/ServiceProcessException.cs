namespace ArgoEvents.EventSources.Tests.Support;

/// <summary>A replica process did not start, did not become ready, or did not exit; the message carries its output.</summary>
public sealed class ServiceProcessException(string message, bool portConflict) : Exception(message)
{
    /// <summary>True when the replica failed because a port it was given was taken meanwhile.</summary>
    public bool PortConflict { get; } = portConflict;
}
