namespace ArgoEvents.Sensors.Tests.Support;

/// <summary>Names no other test uses on the shared server: a sensor (its bucket), an EventSource (its subjects) and the fired subject.</summary>
internal sealed record TestNames(string Sensor, string EventSource, string Subject)
{
    public static TestNames Create()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new TestNames($"sensor-{id}", $"es-{id}", $"fired.{id}");
    }
}
