namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// The connection could not be opened, or it was lost (server restart, network failure, disposal). Commands that were
/// in flight fail with it; the caller reconnects with a new <see cref="RedisConnection"/> or <see cref="RedisSubscriber"/>.
/// </summary>
public sealed class RedisConnectionException : RedisException
{
    /// <summary>Creates the exception.</summary>
    public RedisConnectionException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public RedisConnectionException(string message, Exception? inner) : base(message, inner) { }
}
