using System.Globalization;
using System.Text;

namespace ArgoEvents.EventBus.Bus;

/// <summary>
/// The names Argo Events uses on a JetStream bus, so that our components and Argo's can share one bus:
/// stream <c>default</c>, subjects <c>default.&lt;eventSource&gt;.&lt;event&gt;</c>, and one durable consumer per
/// (sensor, trigger, dependency) named <c>group-&lt;FNV-32a of "sensor-trigger-dependency"&gt;</c> in decimal.
/// </summary>
public static class ArgoWireNames
{
    /// <summary>The one stream every event goes to.</summary>
    public const string StreamName = "default";

    /// <summary>The stream's subject filter: one token for the EventSource and one for the event name.</summary>
    public const string StreamSubjects = StreamName + ".*.*";

    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>The subject of events of <paramref name="eventName"/> from <paramref name="eventSourceName"/>.</summary>
    /// <exception cref="ArgumentException">A name would not form a single subject token.</exception>
    public static string Subject(string eventSourceName, string eventName)
    {
        EnsureToken(eventSourceName, nameof(eventSourceName), "EventSource name");
        EnsureToken(eventName, nameof(eventName), "event name");
        return $"{StreamName}.{eventSourceName}.{eventName}";
    }

    /// <summary>The durable consumer name Argo gives the consumer of one dependency of one trigger.</summary>
    public static string ConsumerName(string sensorName, string triggerName, string dependencyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(sensorName);
        ArgumentException.ThrowIfNullOrEmpty(triggerName);
        ArgumentException.ThrowIfNullOrEmpty(dependencyName);
        return "group-" + Fnv32a($"{sensorName}-{triggerName}-{dependencyName}").ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>32-bit FNV-1a over the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static uint Fnv32a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = FnvOffsetBasis;
        Span<byte> buffer = text.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        foreach (var b in buffer[..length])
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }

    private static void EnsureToken(string value, string paramName, string what)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length == 0)
        {
            throw new ArgumentException($"The {what} must not be empty.", paramName);
        }

        foreach (var c in value)
        {
            if (c is '.' or '*' or '>' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException(
                    $"The {what} '{value}' contains '{(char.IsWhiteSpace(c) ? "white space" : c.ToString())}', which cannot stand in a bus subject token ({StreamName}.<eventSource>.<event>).",
                    paramName);
            }
        }
    }
}
