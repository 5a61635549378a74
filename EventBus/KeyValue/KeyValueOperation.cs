namespace ArgoEvents.EventBus.KeyValue;

/// <summary>What a key-value entry records.</summary>
public enum KeyValueOperation
{
    /// <summary>A value was written.</summary>
    Put,

    /// <summary>The key was deleted; its history is kept (<c>KV-Operation: DEL</c>).</summary>
    Delete,

    /// <summary>The key was purged; its older history is gone (<c>KV-Operation: PURGE</c>).</summary>
    Purge,
}
