namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>Base of every error raised by the RESP client.</summary>
public class RedisException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RedisException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public RedisException(string message, Exception? inner) : base(message, inner) { }
}
