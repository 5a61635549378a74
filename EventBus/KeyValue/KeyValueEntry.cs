namespace ArgoEvents.EventBus.KeyValue;

/// <summary>One revision of a key.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key.</param>
/// <param name="Value">The value; empty for delete and purge markers.</param>
/// <param name="Revision">The revision (the stream sequence of the write); use it for <see cref="KeyValueStore.UpdateAsync"/>.</param>
/// <param name="Created">When the revision was written.</param>
/// <param name="Delta">For watched entries, how many entries the watch still has to deliver after this one; 0 otherwise.</param>
/// <param name="Operation">Put, delete or purge.</param>
public sealed record KeyValueEntry(string Bucket, string Key, ReadOnlyMemory<byte> Value, ulong Revision, DateTimeOffset Created, ulong Delta, KeyValueOperation Operation);
