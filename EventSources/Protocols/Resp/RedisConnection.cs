namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// A pipelined Redis connection (RESP2): any number of commands may be in flight from any number of callers; each
/// gets its own reply, in the order the commands were issued. The connection does not reconnect: when it is lost,
/// every pending and later command fails with <see cref="RedisConnectionException"/>, <see cref="IsConnected"/>
/// turns false and <see cref="Closed"/> completes, and the owner connects again (with its own back-off).
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly RespSession _session;

    private RedisConnection(RedisOptions options, RespSession session)
    {
        Options = options;
        _session = session;
    }

    /// <summary>The options this connection was opened with.</summary>
    public RedisOptions Options { get; }

    /// <summary>False once the connection was lost or disposed.</summary>
    public bool IsConnected => _session.Failure is null;

    /// <summary>Completes, with the reason, when the connection is lost or disposed.</summary>
    public Task<RedisConnectionException> Closed => _session.Closed;

    /// <summary>Commands written whose replies have not arrived yet (including those whose callers gave up).</summary>
    public int PendingCommands => _session.PendingCount;

    /// <summary>
    /// Connects, then authenticates (<see cref="RedisOptions.Password"/>, with <see cref="RedisOptions.UserName"/>
    /// for an ACL user), selects <see cref="RedisOptions.Database"/> and names the client. Throws
    /// <see cref="RedisAuthenticationException"/> when the credentials are refused and
    /// <see cref="RedisConnectionException"/> when the server cannot be reached in <see cref="RedisOptions.ConnectTimeout"/>.
    /// </summary>
    public static async Task<RedisConnection> ConnectAsync(RedisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var session = await RespSession.OpenAsync(options, push: null, onFailure: null, cancellationToken).ConfigureAwait(false);
        return new RedisConnection(options, session);
    }

    /// <summary>
    /// Sends one command, e.g. <c>ExecuteAsync(["SET", key, value])</c>, and returns its reply. The command is
    /// encoded before this method returns, so commands issued one after another are pipelined in that order.
    /// An error reply faults the task with <see cref="RedisServerException"/> (the connection stays usable).
    /// Cancelling <paramref name="cancellationToken"/> abandons the wait only: the command was sent, and its reply
    /// is still read and dropped, so the replies of later commands stay matched. Commands that switch the connection
    /// into another mode (SUBSCRIBE, PSUBSCRIBE, MONITOR) are refused; use <see cref="RedisSubscriber"/>.
    /// </summary>
    public Task<RedisReply> ExecuteAsync(ReadOnlySpan<RedisArgument> command, CancellationToken cancellationToken = default)
    {
        if (!command.IsEmpty && (command[0].IsCommand("SUBSCRIBE") || command[0].IsCommand("PSUBSCRIBE")
            || command[0].IsCommand("SSUBSCRIBE") || command[0].IsCommand("MONITOR")))
        {
            throw new ArgumentException(
                $"{command[0].ToString().ToUpperInvariant()} turns a Redis connection into a push stream; use RedisSubscriber for pub/sub.",
                nameof(command));
        }

        return _session.Send(command, 1, cancellationToken);
    }

    /// <summary>Sends PING and returns once PONG came back, which proves every earlier command was answered.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        var reply = await ExecuteAsync(["PING"], cancellationToken).ConfigureAwait(false);
        if (!reply.Is("PONG"u8))
        {
            throw new RedisProtocolException($"Redis at {Options.Endpoint} answered PING with {reply}.");
        }
    }

    /// <summary>Closes the connection; commands still pending fail with <see cref="RedisConnectionException"/>.</summary>
    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
