namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>Base of every error raised by the MQTT client.</summary>
public class MqttException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public MqttException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The broker could not be reached, the TLS handshake failed, or no CONNACK came in time.</summary>
public class MqttConnectionException : MqttException
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectionException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public MqttConnectionException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The broker answered CONNECT with a CONNACK return code other than 0.</summary>
public sealed class MqttConnectionRefusedException : MqttConnectionException
{
    /// <summary>Creates the exception for <paramref name="returnCode"/> from the broker at <paramref name="broker"/>.</summary>
    public MqttConnectionRefusedException(MqttConnectReturnCode returnCode, string broker)
        : base($"The MQTT broker {broker} refused the connection with CONNACK return code {(int)returnCode}: {Describe(returnCode)}.")
        => ReturnCode = returnCode;

    /// <summary>What the broker answered.</summary>
    public MqttConnectReturnCode ReturnCode { get; }

    /// <summary>The meaning MQTT 3.1.1 gives to <paramref name="returnCode"/>.</summary>
    public static string Describe(MqttConnectReturnCode returnCode) => returnCode switch
    {
        MqttConnectReturnCode.Accepted => "connection accepted",
        MqttConnectReturnCode.UnacceptableProtocolVersion => "unacceptable protocol version (the broker does not speak MQTT 3.1.1)",
        MqttConnectReturnCode.IdentifierRejected => "identifier rejected (the broker does not allow this client id)",
        MqttConnectReturnCode.ServerUnavailable => "server unavailable",
        MqttConnectReturnCode.BadUserNameOrPassword => "bad user name or password",
        MqttConnectReturnCode.NotAuthorized => "not authorized",
        _ => "unknown return code",
    };
}

/// <summary>
/// An established connection ended without <see cref="MqttConnection.DisposeAsync"/>: the socket failed, the broker
/// closed it, the broker stopped answering PINGREQ, or it broke the protocol (see <see cref="Exception.InnerException"/>).
/// Open a new connection to go on; with <see cref="MqttOptions.CleanSession"/> false the broker redelivers every
/// QoS 1 message that was not acknowledged.
/// </summary>
public sealed class MqttConnectionLostException : MqttException
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectionLostException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public MqttConnectionLostException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>Bytes on the wire that are not valid MQTT 3.1.1 for a client to receive, or a packet over the size limit.</summary>
public sealed class MqttProtocolException : MqttException
{
    /// <summary>Creates the exception.</summary>
    public MqttProtocolException(string message) : base(message) { }
}

/// <summary>The broker answered SUBSCRIBE with failure (0x80) for at least one topic filter.</summary>
public sealed class MqttSubscriptionRefusedException : MqttException
{
    /// <summary>Creates the exception naming the refused filters.</summary>
    public MqttSubscriptionRefusedException(IReadOnlyList<string> refusedFilters)
        : base($"The MQTT broker refused the subscription to {string.Join(", ", refusedFilters.Select(f => $"'{f}'"))} (SUBACK return code 0x80); the client may not be authorized to read it.")
        => RefusedFilters = refusedFilters;

    /// <summary>The filters the broker refused; the others of the same SUBSCRIBE were granted.</summary>
    public IReadOnlyList<string> RefusedFilters { get; }
}
