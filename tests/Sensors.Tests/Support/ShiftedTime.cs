namespace ArgoEvents.Sensors.Tests.Support;

/// <summary>The system clock moved by a fixed offset: what the sensor believes "now" is, timers unchanged.</summary>
internal sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
