namespace ArgoEvents.EventBus.KeyValue;

/// <summary>The bucket does not exist (its stream <c>KV_&lt;bucket&gt;</c> was not found).</summary>
public sealed class KeyValueBucketNotFoundException : KeyValueException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="innerException">The server's answer.</param>
    public KeyValueBucketNotFoundException(string bucket, Exception innerException)
        : base($"Key-value bucket '{bucket}' does not exist (no stream 'KV_{bucket}').", innerException)
    {
        Bucket = bucket;
    }

    /// <summary>The bucket.</summary>
    public string Bucket { get; }
}
