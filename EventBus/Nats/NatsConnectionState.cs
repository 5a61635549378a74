namespace ArgoEvents.EventBus.Nats;

/// <summary>Where a <see cref="NatsConnection"/> is in its life.</summary>
public enum NatsConnectionState
{
    /// <summary>The first connect is in progress.</summary>
    Connecting,

    /// <summary>Connected to a server.</summary>
    Connected,

    /// <summary>The server was lost; publishes are buffered while the pool is tried.</summary>
    Reconnecting,

    /// <summary>Subscriptions are being drained before the connection closes.</summary>
    Draining,

    /// <summary>Closed for good.</summary>
    Closed,
}

/// <summary>A change of <see cref="NatsConnection.State"/>.</summary>
public sealed class NatsConnectionStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public NatsConnectionStateChangedEventArgs(NatsConnectionState state, string? server, Exception? error)
    {
        State = state;
        Server = server;
        Error = error;
    }

    /// <summary>The new state.</summary>
    public NatsConnectionState State { get; }

    /// <summary>The server the state refers to (connected to, or lost).</summary>
    public string? Server { get; }

    /// <summary>Why the connection was lost or closed, when known.</summary>
    public Exception? Error { get; }
}
