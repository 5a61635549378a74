namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>Where an <see cref="MqttConnection"/> is in its single life; it never goes back to <see cref="Connected"/>.</summary>
public enum MqttConnectionState
{
    /// <summary>CONNACK accepted the session; packets flow.</summary>
    Connected,

    /// <summary>The socket failed, the broker closed it, a PINGRESP did not come or the broker broke the protocol.</summary>
    Lost,

    /// <summary>Closed by <see cref="MqttConnection.DisposeAsync"/>.</summary>
    Closed,
}
