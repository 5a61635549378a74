namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// The server answered a command with an error reply. The connection stays usable: Redis reports the error and goes on
/// with the next command.
/// </summary>
public class RedisServerException : RedisException
{
    /// <summary>Creates the exception from the error text the server sent (e.g. "BUSYGROUP Consumer Group name already exists").</summary>
    public RedisServerException(string command, string serverMessage)
        : base($"Redis answered {command} with an error: {serverMessage}")
    {
        ArgumentNullException.ThrowIfNull(serverMessage);
        Command = command;
        ServerMessage = serverMessage;
        ErrorCode = ErrorCodeOf(serverMessage);
    }

    /// <summary>The command that failed, as its first word ("XGROUP", "AUTH").</summary>
    public string Command { get; }

    /// <summary>The whole error text the server sent.</summary>
    public string ServerMessage { get; }

    /// <summary>The error's first word, which Redis uses as its code: "ERR", "WRONGPASS", "NOGROUP", "BUSYGROUP", "WRONGTYPE".</summary>
    public string ErrorCode { get; }

    private static string ErrorCodeOf(string message)
    {
        var space = message.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? message : message[..space];
    }
}
