using System.Text;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Tests.Triggers.Http.Support;

/// <summary>Sensor events for trigger tests.</summary>
public static class TestEvents
{
    /// <summary>The events of one firing: a single dependency <paramref name="dependency"/> whose event carries <paramref name="json"/>.</summary>
    public static IReadOnlyDictionary<string, SensorEvent> One(string dependency, string json) =>
        new Dictionary<string, SensorEvent>
        {
            [dependency] = new SensorEvent(
                new SensorEventContext("id-1", "webhook-source", "1.0", "webhook", "application/json", "example", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
                Encoding.UTF8.GetBytes(json)),
        };
}
