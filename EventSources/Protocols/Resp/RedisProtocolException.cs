namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>The server sent bytes that are not valid RESP2, or a reply nobody asked for; the connection is closed.</summary>
public sealed class RedisProtocolException : RedisException
{
    /// <summary>Creates the exception.</summary>
    public RedisProtocolException(string message) : base(message) { }
}
