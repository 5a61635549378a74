namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>The RESP2 reply types.</summary>
public enum RedisReplyKind
{
    /// <summary><c>+OK</c>: a status line.</summary>
    SimpleString,

    /// <summary><c>-ERR ...</c>: an error; top-level errors are raised as <see cref="RedisServerException"/>, errors nested in arrays stay replies.</summary>
    Error,

    /// <summary><c>:42</c>: a signed 64-bit integer.</summary>
    Integer,

    /// <summary><c>$3\r\nfoo</c>: a binary-safe string; <c>$-1</c> is the null bulk string.</summary>
    BulkString,

    /// <summary><c>*2\r\n...</c>: an array of replies, possibly nested; <c>*-1</c> is the null array.</summary>
    Array,
}
