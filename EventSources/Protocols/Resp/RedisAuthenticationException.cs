namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>The server refused the credentials given in <see cref="RedisOptions"/>; the connection was closed.</summary>
public sealed class RedisAuthenticationException : RedisException
{
    /// <summary>Creates the exception for the endpoint and user that were refused.</summary>
    public RedisAuthenticationException(string endpoint, string? userName, RedisServerException refusal)
        : base(
            $"Redis at {endpoint} refused the authentication as {(userName is null ? "the default user" : $"user '{userName}'")}: {refusal?.ServerMessage}",
            refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        UserName = userName;
        ErrorCode = refusal.ErrorCode;
    }

    /// <summary>The user name that was sent, or null for the default user (password only).</summary>
    public string? UserName { get; }

    /// <summary>The server's error code, typically "WRONGPASS", "NOAUTH" or "ERR".</summary>
    public string ErrorCode { get; }
}
