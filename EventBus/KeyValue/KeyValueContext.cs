using System.Runtime.CompilerServices;
using ArgoEvents.EventBus.JetStream;

namespace ArgoEvents.EventBus.KeyValue;

/// <summary>Creates, opens and deletes key-value buckets (each one a stream <c>KV_&lt;bucket&gt;</c>).</summary>
public sealed class KeyValueContext
{
    private const string StreamPrefix = "KV_";

    private readonly JetStreamContext _jetStream;

    /// <summary>Creates the context on a JetStream context.</summary>
    /// <param name="jetStream">The JetStream context to use.</param>
    public KeyValueContext(JetStreamContext jetStream)
    {
        ArgumentNullException.ThrowIfNull(jetStream);
        _jetStream = jetStream;
    }

    /// <summary>The JetStream context underneath.</summary>
    public JetStreamContext JetStream => _jetStream;

    /// <summary>
    /// Creates a bucket. Creating an existing bucket with the same settings succeeds; with different ones it fails
    /// with <see cref="JetStreamErrorCode.StreamNameInUse"/>.
    /// </summary>
    /// <param name="config">The bucket settings.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The bucket.</returns>
    public async Task<KeyValueStore> CreateStoreAsync(KeyValueConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var info = await _jetStream.CreateStreamAsync(config.ToStreamConfig(), cancellationToken).ConfigureAwait(false);
        return new KeyValueStore(_jetStream, config.Bucket, info.Config.AllowDirect);
    }

    /// <summary>Creates a bucket, or changes the settings of an existing one.</summary>
    /// <param name="config">The bucket settings.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The bucket.</returns>
    public async Task<KeyValueStore> CreateOrUpdateStoreAsync(KeyValueConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var info = await _jetStream.CreateOrUpdateStreamAsync(config.ToStreamConfig(), cancellationToken).ConfigureAwait(false);
        return new KeyValueStore(_jetStream, config.Bucket, info.Config.AllowDirect);
    }

    /// <summary>Opens an existing bucket.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The bucket.</returns>
    /// <exception cref="KeyValueBucketNotFoundException">The bucket does not exist.</exception>
    public async Task<KeyValueStore> GetStoreAsync(string bucket, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidBucket(bucket);
        try
        {
            var info = await _jetStream.GetStreamInfoAsync(KeyValueStore.StreamName(bucket), null, cancellationToken).ConfigureAwait(false);
            return new KeyValueStore(_jetStream, bucket, info.Config.AllowDirect);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound)
        {
            throw new KeyValueBucketNotFoundException(bucket, e);
        }
    }

    /// <summary>Deletes a bucket with all its keys.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when the server confirmed the deletion.</returns>
    /// <exception cref="KeyValueBucketNotFoundException">The bucket does not exist.</exception>
    public async Task<bool> DeleteStoreAsync(string bucket, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidBucket(bucket);
        try
        {
            return await _jetStream.DeleteStreamAsync(KeyValueStore.StreamName(bucket), cancellationToken).ConfigureAwait(false);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound)
        {
            throw new KeyValueBucketNotFoundException(bucket, e);
        }
    }

    /// <summary>Lists the account's bucket names.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The bucket names.</returns>
    public async IAsyncEnumerable<string> GetBucketNamesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var stream in _jetStream.GetStreamNamesAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (stream.StartsWith(StreamPrefix, StringComparison.Ordinal))
            {
                yield return stream[StreamPrefix.Length..];
            }
        }
    }
}
