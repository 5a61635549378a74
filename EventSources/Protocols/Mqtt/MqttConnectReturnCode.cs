namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>The CONNACK return codes of MQTT 3.1.1 (section 3.2.2.3).</summary>
public enum MqttConnectReturnCode
{
    /// <summary>0: connection accepted.</summary>
    Accepted = 0,

    /// <summary>1: the broker does not support protocol level 4 (MQTT 3.1.1).</summary>
    UnacceptableProtocolVersion = 1,

    /// <summary>2: the client identifier is well-formed UTF-8 but the broker does not allow it.</summary>
    IdentifierRejected = 2,

    /// <summary>3: the network connection was made but the MQTT service is unavailable.</summary>
    ServerUnavailable = 3,

    /// <summary>4: the user name or password is malformed or wrong.</summary>
    BadUserNameOrPassword = 4,

    /// <summary>5: the client is not authorized to connect.</summary>
    NotAuthorized = 5,
}
