using System.Text;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.EventBus;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// The last published tick of each calendar event, in the KV bucket <see cref="BucketName"/> under
/// <c>&lt;eventSource&gt;.&lt;event&gt;</c> (the key Argo gives its ConfigMap entry), so whichever replica leads next
/// knows where the schedule stands.
/// </summary>
public sealed class CalendarTickStore
{
    /// <summary>The bucket.</summary>
    public const string BucketName = "argo-events-calendar";

    private readonly EventBusConnection _bus;
    private readonly int _replicas;
    private KeyValueStore? _store;

    /// <summary>Creates the store of one event.</summary>
    public CalendarTickStore(EventBusConnection bus, int replicas, string eventSourceName, string eventName)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _bus = bus;
        _replicas = replicas;
        Key = KeyFor(eventSourceName, eventName);
    }

    /// <summary>The key of the event.</summary>
    public string Key { get; }

    /// <summary>
    /// The key of an event: both names with every character outside letters, digits, '-', '_' and '/' written as
    /// <c>=XX</c> (its UTF-8 bytes in hex), joined by '.'. Escaping '.' and '=' too keeps distinct names distinct.
    /// </summary>
    public static string KeyFor(string eventSourceName, string eventName)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventSourceName);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return Escape(eventSourceName) + "." + Escape(eventName);
    }

    /// <summary>The last published tick, or null when none was stored.</summary>
    /// <exception cref="FormatException">The stored value is not a tick.</exception>
    public async Task<DateTimeOffset?> ReadAsync(CancellationToken cancellationToken)
    {
        var store = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var entry = await store.GetAsync(Key, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(entry.Value.Span);
        return CalendarTickText.TryRead(text, out var tick)
            ? tick
            : throw new FormatException($"KV bucket '{BucketName}' key '{Key}' holds '{text}', not an RFC 3339 UTC tick.");
    }

    /// <summary>Records <paramref name="tick"/> as the last published one.</summary>
    public async Task WriteAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        var store = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await store.PutAsync(Key, Encoding.UTF8.GetBytes(CalendarTickText.Write(tick)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<KeyValueStore> OpenAsync(CancellationToken cancellationToken)
    {
        if (_store is not null)
        {
            return _store;
        }

        var client = await _bus.GetClientAsync(cancellationToken).ConfigureAwait(false);
        _store = await client.KeyValue.CreateOrUpdateStoreAsync(
            new KeyValueConfig(BucketName) { Description = "Last published tick of each Argo Events calendar event", NumReplicas = _replicas },
            cancellationToken).ConfigureAwait(false);
        return _store;
    }

    private static string Escape(string name)
    {
        var escaped = new StringBuilder(name.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '_' or '/'))
            {
                escaped.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                escaped.Append('=').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
