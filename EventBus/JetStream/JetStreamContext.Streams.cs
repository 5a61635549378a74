using System.Runtime.CompilerServices;
using System.Text.Json;
using ArgoEvents.EventBus.JetStream.Api;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream;

public sealed partial class JetStreamContext
{
    /// <summary>
    /// Creates a stream. Creating an existing stream with the same configuration succeeds; with a different one it
    /// fails with <see cref="JetStreamErrorCode.StreamNameInUse"/>.
    /// </summary>
    /// <param name="config">The stream configuration.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stream as created.</returns>
    public Task<StreamInfo> CreateStreamAsync(StreamConfig config, CancellationToken cancellationToken = default)
        => SendStreamConfigAsync("STREAM.CREATE.", config, cancellationToken);

    /// <summary>Changes the configuration of an existing stream.</summary>
    /// <param name="config">The new configuration; <see cref="StreamConfig.Name"/> picks the stream.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stream after the update.</returns>
    public Task<StreamInfo> UpdateStreamAsync(StreamConfig config, CancellationToken cancellationToken = default)
        => SendStreamConfigAsync("STREAM.UPDATE.", config, cancellationToken);

    /// <summary>Creates the stream, or updates it when it exists with another configuration.</summary>
    /// <param name="config">The desired configuration.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The stream as it now is.</returns>
    public async Task<StreamInfo> CreateOrUpdateStreamAsync(StreamConfig config, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CreateStreamAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNameInUse)
        {
            return await UpdateStreamAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamSubjectOverlap)
        {
            // Another client may have created the same stream between our check and our create: the server then reports
            // the overlap with that very stream instead of the name in use. That is the same case; any other overlap is not.
            if (!await ExistsAsync(config.Name, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            return await UpdateStreamAsync(config, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ExistsAsync(string stream, CancellationToken cancellationToken)
    {
        try
        {
            await GetStreamInfoAsync(stream, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound)
        {
            return false;
        }
    }

    /// <summary>Reads a stream's configuration and state.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="subjectsFilter">When set, the state includes message counts per subject matching this filter.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stream information.</returns>
    /// <exception cref="JetStreamApiException">The stream does not exist (<see cref="JetStreamErrorCode.StreamNotFound"/>).</exception>
    public Task<StreamInfo> GetStreamInfoAsync(string stream, string? subjectsFilter = null, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        var body = subjectsFilter is null
            ? ReadOnlyMemory<byte>.Empty
            : JsonSerializer.SerializeToUtf8Bytes(new StreamInfoRequest { SubjectsFilter = subjectsFilter }, JetStreamJsonContext.Default.StreamInfoRequest);
        return _api.RequestAsync(_api.Subject("STREAM.INFO." + stream), body, JetStreamJsonContext.Default.StreamInfo, cancellationToken);
    }

    /// <summary>Deletes a stream with all its messages and consumers.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when the server confirmed the deletion.</returns>
    /// <exception cref="JetStreamApiException">The stream does not exist (<see cref="JetStreamErrorCode.StreamNotFound"/>).</exception>
    public async Task<bool> DeleteStreamAsync(string stream, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        var reply = await _api.RequestAsync(_api.Subject("STREAM.DELETE." + stream), ReadOnlyMemory<byte>.Empty, JetStreamJsonContext.Default.SuccessResponse, cancellationToken).ConfigureAwait(false);
        return reply.Success;
    }

    /// <summary>Removes messages from a stream, all of them or those selected by <paramref name="options"/>.</summary>
    /// <param name="stream">The stream name.</param>
    /// <param name="options">Which messages to purge; all when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The number of messages purged.</returns>
    public async Task<ulong> PurgeStreamAsync(string stream, StreamPurgeOptions? options = null, CancellationToken cancellationToken = default)
    {
        JetStreamNames.EnsureValidStreamName(stream);
        if (options is { Sequence: > 0, Keep: > 0 })
        {
            throw new ArgumentException("StreamPurgeOptions.Sequence and StreamPurgeOptions.Keep cannot both be set.", nameof(options));
        }

        var body = options is null
            ? ReadOnlyMemory<byte>.Empty
            : JsonSerializer.SerializeToUtf8Bytes(new StreamPurgeRequest { Filter = options.Filter, Sequence = options.Sequence, Keep = options.Keep }, JetStreamJsonContext.Default.StreamPurgeRequest);
        var reply = await _api.RequestAsync(_api.Subject("STREAM.PURGE." + stream), body, JetStreamJsonContext.Default.StreamPurgeResponse, cancellationToken).ConfigureAwait(false);
        return reply.Purged;
    }

    /// <summary>Lists the names of the account's streams, page by page as the server returns them.</summary>
    /// <param name="subjectFilter">Only streams capturing this subject.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The stream names.</returns>
    public async IAsyncEnumerable<string> GetStreamNamesAsync(string? subjectFilter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var subject = _api.Subject("STREAM.NAMES");
        var offset = 0;
        while (true)
        {
            var page = await _api.RequestAsync(subject, new PagedRequest { Offset = offset, Subject = subjectFilter }, JetStreamJsonContext.Default.PagedRequest, JetStreamJsonContext.Default.StreamNamesResponse, cancellationToken).ConfigureAwait(false);
            var names = page.Streams ?? [];
            foreach (var name in names)
            {
                yield return name;
            }

            offset += names.Count;
            if (names.Count == 0 || offset >= page.Total)
            {
                yield break;
            }
        }
    }

    /// <summary>Lists the account's streams with their configuration and state, page by page.</summary>
    /// <param name="subjectFilter">Only streams capturing this subject.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The streams.</returns>
    public async IAsyncEnumerable<StreamInfo> ListStreamsAsync(string? subjectFilter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var subject = _api.Subject("STREAM.LIST");
        var offset = 0;
        while (true)
        {
            var page = await _api.RequestAsync(subject, new PagedRequest { Offset = offset, Subject = subjectFilter }, JetStreamJsonContext.Default.PagedRequest, JetStreamJsonContext.Default.StreamListResponse, cancellationToken).ConfigureAwait(false);
            var streams = page.Streams ?? [];
            foreach (var stream in streams)
            {
                yield return stream;
            }

            offset += streams.Count;
            if (streams.Count == 0 || offset >= page.Total)
            {
                yield break;
            }
        }
    }

    private Task<StreamInfo> SendStreamConfigAsync(string operation, StreamConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        JetStreamNames.EnsureValidStreamName(config.Name, nameof(config));
        JetStreamConfigGate.EnsureSupported(config, ServerVersion);
        return _api.RequestAsync(_api.Subject(operation + config.Name), config, JetStreamJsonContext.Default.StreamConfig, JetStreamJsonContext.Default.StreamInfo, cancellationToken);
    }
}
