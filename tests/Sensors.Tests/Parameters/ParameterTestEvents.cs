using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Tests.Parameters;

/// <summary>The events and parameter builders Argo's params_test.go uses.</summary>
internal static class ParameterTestEvents
{
    public const string Dependency = "fake-dependency";

    public static readonly DateTimeOffset Time = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static SensorEvent Event(string data, string contentType = "application/json", string subject = "example-1", string id = "1") =>
        new(new SensorEventContext(id, "webhook-gateway", "1.0", "webhook", contentType, subject, Time), Encoding.UTF8.GetBytes(data));

    public static Dictionary<string, SensorEvent> EventsWith(string data, string contentType = "application/json") =>
        new(StringComparer.Ordinal) { [Dependency] = Event(data, contentType) };

    public static TriggerParameter Param(TriggerParameterSource src, string dest, string? operation = null) =>
        new() { Src = src, Dest = dest, Operation = operation };

    public static TriggerParameterSource DataKey(string key, bool raw = false, string? value = null, string dependency = Dependency) =>
        new() { DependencyName = dependency, DataKey = key, UseRawData = raw, Value = value };

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
