using System.Text;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>How <see cref="MqttConnection.ConnectAsync"/> connects: broker, identity, session and keep-alive.</summary>
public sealed record MqttOptions
{
    /// <summary>Broker URL: <c>tcp://host:1883</c>, <c>ssl://host:8883</c> (see <see cref="MqttBrokerAddress"/>).</summary>
    public required string Url { get; init; }

    /// <summary>
    /// Client identifier, at most 65,535 UTF-8 bytes. Empty asks the broker to assign one, which MQTT 3.1.1 allows only
    /// with <see cref="CleanSession"/>.
    /// </summary>
    public string ClientId { get; init; } = string.Empty;

    /// <summary>
    /// True: the broker discards any previous session and this one ends with the connection. False: the broker keeps
    /// the subscriptions and queues QoS 1 messages while the client is away, and redelivers unacknowledged ones.
    /// </summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>
    /// Keep-alive interval sent in CONNECT: a PINGREQ goes out when nothing was sent for this long, and the broker
    /// drops a client silent for 1.5 times it. Whole seconds, at most 65,535; zero turns keep-alive off.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the PINGRESP to a PINGREQ before the connection counts as lost; null: <see cref="KeepAlive"/>.</summary>
    public TimeSpan? PingTimeout { get; init; }

    /// <summary>User name; needed when <see cref="Password"/> is set (MQTT 3.1.1 has no password without a user name).</summary>
    public string? Username { get; init; }

    /// <summary>Password.</summary>
    public string? Password { get; init; }

    /// <summary>TLS settings; also used for tcp:// URLs when set. Null with an ssl:// URL: the system's trust store.</summary>
    public MqttTlsOptions? Tls { get; init; }

    /// <summary>Time for TCP connect, TLS handshake and CONNACK together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Received messages held until the application reads them. When full, the client stops reading the socket, so
    /// keep reading <see cref="MqttConnection.Messages"/> while awaiting a subscribe or publish.
    /// </summary>
    public int MessageBufferCapacity { get; init; } = 1024;

    /// <summary>Largest packet accepted from the broker (fixed header excluded); a bigger one ends the connection with a protocol error.</summary>
    public int MaxIncomingPacketSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        try
        {
            MqttBrokerAddress.Parse(Url);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, nameof(Url), e);
        }

        ArgumentNullException.ThrowIfNull(ClientId, nameof(ClientId));
        if (Encoding.UTF8.GetByteCount(ClientId) > ushort.MaxValue)
        {
            throw new ArgumentException("MqttOptions.ClientId is longer than 65,535 UTF-8 bytes.", nameof(ClientId));
        }

        if (ClientId.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("MqttOptions: an empty ClientId needs CleanSession = true (MQTT 3.1.1, 3.1.3.1); a persistent session is found by its client id.", nameof(ClientId));
        }

        if (Password is not null && Username is null)
        {
            throw new ArgumentException("MqttOptions: a Password needs a Username (MQTT 3.1.1 has no password flag without the user name flag).", nameof(Password));
        }

        if (Username is not null && Encoding.UTF8.GetByteCount(Username) > ushort.MaxValue)
        {
            throw new ArgumentException("MqttOptions.Username is longer than 65,535 UTF-8 bytes.", nameof(Username));
        }

        if (Password is not null && Encoding.UTF8.GetByteCount(Password) > ushort.MaxValue)
        {
            throw new ArgumentException("MqttOptions.Password is longer than 65,535 bytes.", nameof(Password));
        }

        if (KeepAlive < TimeSpan.Zero || KeepAlive.TotalSeconds > ushort.MaxValue || KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"MqttOptions.KeepAlive {KeepAlive} must be whole seconds between 0 and 65,535.", nameof(KeepAlive));
        }

        if (PingTimeout is { } ping && ping <= TimeSpan.Zero)
        {
            throw new ArgumentException($"MqttOptions.PingTimeout {ping} must be positive.", nameof(PingTimeout));
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"MqttOptions.ConnectTimeout {ConnectTimeout} must be positive.", nameof(ConnectTimeout));
        }

        if (MessageBufferCapacity < 1)
        {
            throw new ArgumentException($"MqttOptions.MessageBufferCapacity {MessageBufferCapacity} must be at least 1.", nameof(MessageBufferCapacity));
        }

        if (MaxIncomingPacketSize is < 2 or > RemainingLength.Max)
        {
            throw new ArgumentException($"MqttOptions.MaxIncomingPacketSize {MaxIncomingPacketSize} must be between 2 and {RemainingLength.Max} bytes.", nameof(MaxIncomingPacketSize));
        }
    }
}
