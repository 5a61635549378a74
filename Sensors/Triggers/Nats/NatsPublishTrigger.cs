using System.Collections.Concurrent;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Sensors.Parameters;

namespace ArgoEvents.Sensors.Triggers.Nats;

/// <summary>
/// Publishes one message per firing. The trigger's <c>parameters</c> may rewrite its url and subject per event, so
/// connections are kept per server address and made on first use; a publish waits for the connection's flush so that
/// success means the server has the message.
/// </summary>
internal sealed class NatsPublishTrigger : ITrigger
{
    private readonly string _field;
    private readonly NatsOptions _options;
    private readonly NatsTrigger _spec;
    private readonly ConcurrentDictionary<string, Lazy<Task<NatsConnection>>> _connections = new(StringComparer.Ordinal);

    public NatsPublishTrigger(string field, NatsOptions options, NatsTrigger spec)
    {
        _field = field;
        _options = options;
        _spec = spec;
    }

    public async ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = invocation.Template.Nats ?? _spec;
        byte[] payload;
        try
        {
            spec = TriggerParameters.ApplyToModel(spec, spec.Parameters, invocation.Events);
            payload = TriggerParameters.ConstructPayload(invocation.Events, spec.Payload);
        }
        catch (TriggerParameterException e)
        {
            throw new TriggerExecutionException($"{_field}: {e.Message}", e);
        }

        if (string.IsNullOrEmpty(spec.Subject))
        {
            throw new TriggerExecutionException($"{_field}.subject is empty after applying the parameters.");
        }

        var connection = await ConnectAsync(spec.Url ?? string.Empty, cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.PublishAsync(spec.Subject, payload, cancellationToken: cancellationToken).ConfigureAwait(false);
            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NatsException e)
        {
            throw new TriggerExecutionException($"{_field}: publishing on '{spec.Subject}' failed: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
            {
                await connection.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<NatsConnection> ConnectAsync(string url, CancellationToken cancellationToken)
    {
        var lazy = _connections.GetOrAdd(url, u => new Lazy<Task<NatsConnection>>(() => ConnectCoreAsync(u)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NatsException or ArgumentException)
        {
            // A failed connection attempt is not cached: the next firing tries again.
            _connections.TryRemove(new KeyValuePair<string, Lazy<Task<NatsConnection>>>(url, lazy));
            throw new TriggerExecutionException($"{_field}.url '{url}': cannot connect: {e.Message}", e);
        }
    }

    private Task<NatsConnection> ConnectCoreAsync(string url)
    {
        var options = NatsConnectionString.Parse(url, _options);
        return NatsConnection.ConnectAsync(options, CancellationToken.None);
    }
}
