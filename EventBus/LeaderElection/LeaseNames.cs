namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>The lease names Argo Events uses, so that our replicas and Argo's contend for the same lease.</summary>
public static class LeaseNames
{
    /// <summary>The lease of an EventSource: <c>eventsource-&lt;name&gt;</c>.</summary>
    /// <param name="eventSourceName">The EventSource object's name.</param>
    /// <returns>The lease name.</returns>
    public static string ForEventSource(string eventSourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventSourceName);
        return "eventsource-" + eventSourceName;
    }

    /// <summary>The lease of a Sensor: <c>sensor-&lt;name&gt;</c>.</summary>
    /// <param name="sensorName">The Sensor object's name.</param>
    /// <returns>The lease name.</returns>
    public static string ForSensor(string sensorName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensorName);
        return "sensor-" + sensorName;
    }
}
