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

    /// <summary>
    /// The lease of one trigger of a Sensor running active-active: <c>sensor-&lt;name&gt;-trigger-&lt;fnv32a of the
    /// trigger name, hex&gt;</c>, so any trigger name gives a valid lease name. Argo has no such lease.
    /// </summary>
    /// <param name="sensorName">The Sensor object's name.</param>
    /// <param name="triggerName">The trigger's template name.</param>
    /// <returns>The lease name.</returns>
    public static string ForSensorTrigger(string sensorName, string triggerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sensorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(triggerName);
        return $"sensor-{sensorName}-trigger-{ArgoEvents.EventBus.Bus.ArgoWireNames.Fnv32a(triggerName):x8}";
    }
}
