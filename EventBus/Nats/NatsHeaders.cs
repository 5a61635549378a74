using System.Collections;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// Message headers as NATS carries them: names are case-preserving and looked up case-sensitively, a name may
/// repeat, and order is kept. A status (e.g. 503 no responders, 100 idle heartbeat) rides on the first line.
/// </summary>
public sealed class NatsHeaders : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _entries;

    /// <summary>Creates an empty header set.</summary>
    public NatsHeaders() => _entries = [];

    /// <summary>Creates an empty header set with room for <paramref name="capacity"/> entries.</summary>
    public NatsHeaders(int capacity) => _entries = new List<KeyValuePair<string, string>>(capacity);

    /// <summary>Status code of the header line (<c>NATS/1.0 503</c>), or 0 when there is none.</summary>
    public int Status { get; set; }

    /// <summary>Description after the status code, e.g. <c>Idle Heartbeat</c>.</summary>
    public string? StatusDescription { get; set; }

    /// <summary>Number of name/value entries.</summary>
    public int Count => _entries.Count;

    /// <summary>First value of <paramref name="name"/>; setting replaces every value of that name.</summary>
    public string? this[string name]
    {
        get => TryGetValue(name, out var value) ? value : null;
        set
        {
            if (value is null)
            {
                Remove(name);
            }
            else
            {
                Set(name, value);
            }
        }
    }

    /// <summary>Adds a value, keeping earlier values of the same name.</summary>
    public NatsHeaders Add(string name, string value)
    {
        EnsureValidName(name);
        EnsureValidValue(name, value);
        _entries.Add(new(name, value));
        return this;
    }

    /// <summary>Sets the only value of <paramref name="name"/>.</summary>
    public NatsHeaders Set(string name, string value)
    {
        Remove(name);
        return Add(name, value);
    }

    /// <summary>First value of <paramref name="name"/>.</summary>
    public bool TryGetValue(string name, out string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, name, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = "";
        return false;
    }

    /// <summary>Every value of <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        List<string>? values = null;
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, name, StringComparison.Ordinal))
            {
                (values ??= []).Add(entry.Value);
            }
        }

        return values ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Whether <paramref name="name"/> is present.</summary>
    public bool ContainsKey(string name) => TryGetValue(name, out _);

    /// <summary>Removes every value of <paramref name="name"/>; returns whether any was present.</summary>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _entries.RemoveAll(e => string.Equals(e.Key, name, StringComparison.Ordinal)) > 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal List<KeyValuePair<string, string>> Entries => _entries;

    internal void AddParsed(string name, string value) => _entries.Add(new(name, value));

    private static void EnsureValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new NatsProtocolArgumentException("A header name must not be empty.", nameof(name));
        }

        foreach (var c in name)
        {
            if (c <= ' ' || c == ':' || c >= 127)
            {
                throw new NatsProtocolArgumentException($"The header name '{name}' contains a character headers cannot carry (control, space, ':' or non-ASCII).", nameof(name));
            }
        }
    }

    private static void EnsureValidValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new NatsProtocolArgumentException($"The value of header '{name}' contains a line break.", nameof(value));
        }
    }
}
