using System.Globalization;

namespace ArgoEvents.EventBus.KeyValue;

/// <summary>
/// A conditional write lost: the key's latest revision is not the one expected (an update with a stale revision,
/// or a create of a key that has a value).
/// </summary>
public sealed class KeyValueRevisionConflictException : KeyValueException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="expectedRevision">The revision the write expected; 0 for a create.</param>
    /// <param name="currentRevision">The key's latest revision as the server reported it, when known.</param>
    /// <param name="innerException">The server's refusal.</param>
    public KeyValueRevisionConflictException(string bucket, string key, ulong expectedRevision, ulong? currentRevision, Exception innerException)
        : base(FormatMessage(bucket, key, expectedRevision, currentRevision), innerException)
    {
        Bucket = bucket;
        Key = key;
        ExpectedRevision = expectedRevision;
        CurrentRevision = currentRevision;
    }

    /// <summary>The bucket.</summary>
    public string Bucket { get; }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The revision the write expected; 0 for a create.</summary>
    public ulong ExpectedRevision { get; }

    /// <summary>The key's latest revision when the write was refused, when the server said.</summary>
    public ulong? CurrentRevision { get; }

    private static string FormatMessage(string bucket, string key, ulong expected, ulong? current)
    {
        var now = current is { } c ? c.ToString(CultureInfo.InvariantCulture) : "unknown";
        return expected == 0
            ? $"Key '{key}' in bucket '{bucket}' already has a value (revision {now}); create only writes new keys."
            : string.Create(CultureInfo.InvariantCulture, $"Key '{key}' in bucket '{bucket}' is at revision {now}, not {expected}; the update was refused.");
    }
}
