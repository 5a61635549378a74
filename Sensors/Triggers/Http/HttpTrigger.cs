using System.Net;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters;
using HttpTriggerSpec = ArgoEvents.Api.V1Alpha1.HttpTrigger;

namespace ArgoEvents.Sensors.Triggers.Http;

/// <summary>
/// Argo's HTTP trigger: one request per firing to the spec's URL, with the payload built from the events as its body.
/// Any response is a success unless the trigger's <c>policy.status.allow</c> lists the statuses that are.
/// </summary>
internal sealed class HttpTrigger : ITrigger
{
    private const string JsonMediaType = "application/json";

    private readonly HttpClient _client;
    private readonly TlsClientMaterial? _tls;
    private readonly HttpTriggerSpec _spec;
    private readonly HttpRequestPlan? _plan;
    private readonly int[]? _allowedStatuses;
    private readonly TimeSpan _timeout;
    private readonly TriggerServices _services;
    private readonly string _configMapsDirectory;
    private readonly string _fieldPath;

    /// <summary>
    /// Creates the trigger around a client the factory built; the trigger owns and disposes it. <paramref name="plan"/>
    /// is null when the spec's URL only becomes usable once parameters rewrote it.
    /// </summary>
    public HttpTrigger(
        HttpClient client,
        TlsClientMaterial? tls,
        HttpTriggerSpec spec,
        HttpRequestPlan? plan,
        IReadOnlyList<int>? allowedStatuses,
        TimeSpan timeout,
        TriggerServices services,
        string configMapsDirectory,
        string fieldPath)
    {
        _client = client;
        _tls = tls;
        _spec = spec;
        _plan = plan;
        _allowedStatuses = allowedStatuses is { Count: > 0 } ? [.. allowedStatuses] : null;
        _timeout = timeout;
        _services = services;
        _configMapsDirectory = configMapsDirectory;
        _fieldPath = fieldPath;
    }

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var template = invocation.Template.Http
            ?? throw new TriggerExecutionException($"{_fieldPath}: the template has no http trigger after its parameters were applied.");
        var spec = ApplyParameters(template, invocation.Events);

        // The spec the trigger was created with has its plan ready; a rewritten spec is planned again (secrets re-read).
        var plan = ReferenceEquals(spec, _spec) && _plan is not null ? _plan : Replan(spec);
        var body = BuildBody(spec, invocation.Events);

        using var request = new HttpRequestMessage(plan.Method, plan.Url);
        if (plan.Host is not null)
        {
            request.Headers.Host = plan.Host;
        }

        HttpContent? content = body.Length > 0 ? new ByteArrayContent(body) : null;
        if (spec.DynamicHeaders.Count == 0)
        {
            AddHeaders(request, ref content, plan.PlainHeaders);
        }
        else
        {
            AddWithDynamicHeaders(request, ref content, plan, spec, invocation.Events);
        }

        AddHeaders(request, ref content, plan.ProtectedHeaders);
        if (content is not null && body.Length > 0 && !plan.HasContentType && content.Headers.ContentType is null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", JsonMediaType);
        }

        request.Content = content;
        HttpStatusCode status;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}: {plan.Method} {plan.Url} timed out after {_timeout.TotalSeconds:0.###}s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}: {plan.Method} {plan.Url} failed: {e.Message}", e);
        }

        if (_allowedStatuses is not null && Array.IndexOf(_allowedStatuses, (int)status) < 0)
        {
            throw new TriggerExecutionException(
                $"{_fieldPath}: {plan.Method} {plan.Url} answered {(int)status}, which policy.status.allow [{string.Join(", ", _allowedStatuses)}] does not list.");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _tls?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void AddHeaders(HttpRequestMessage request, ref HttpContent? content, KeyValuePair<string, string>[] headers)
    {
        foreach (var header in headers)
        {
            AddHeader(request, ref content, header.Key, header.Value);
        }
    }

    private static void AddHeader(HttpRequestMessage request, ref HttpContent? content, string name, string value)
    {
        if (request.Headers.TryAddWithoutValidation(name, value))
        {
            return;
        }

        // Content-Type, Content-Encoding and the like belong to the content, which a bodiless request then gets empty.
        content ??= new ByteArrayContent([]);
        content.Headers.Remove(name);
        if (!content.Headers.TryAddWithoutValidation(name, value))
        {
            throw new TriggerExecutionException($"header '{name}' cannot be sent: it is not a valid HTTP header name.");
        }
    }

    private HttpTriggerSpec ApplyParameters(HttpTriggerSpec spec, IReadOnlyDictionary<string, SensorEvent> events)
    {
        if (spec.Parameters.Count == 0)
        {
            return spec;
        }

        try
        {
            return TriggerParameters.ApplyToModel(spec, spec.Parameters, events);
        }
        catch (TriggerParameterException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}.parameters: {e.Message}", e);
        }
    }

    private byte[] BuildBody(HttpTriggerSpec spec, IReadOnlyDictionary<string, SensorEvent> events)
    {
        if (spec.Payload.Count == 0)
        {
            return [];
        }

        try
        {
            return TriggerParameters.ConstructPayload(events, spec.Payload);
        }
        catch (TriggerParameterException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}.payload: {e.Message}", e);
        }
    }

    private HttpRequestPlan Replan(HttpTriggerSpec spec)
    {
        try
        {
            return HttpRequestPlan.Build(spec, _services, _configMapsDirectory, _fieldPath);
        }
        catch (TriggerConfigurationException e)
        {
            throw new TriggerExecutionException(e.Message + " (after the trigger's parameters were applied)", e);
        }
    }

    private void AddWithDynamicHeaders(
        HttpRequestMessage request,
        ref HttpContent? content,
        HttpRequestPlan plan,
        HttpTriggerSpec spec,
        IReadOnlyDictionary<string, SensorEvent> events)
    {
        var dynamic = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < spec.DynamicHeaders.Count; i++)
        {
            var header = spec.DynamicHeaders[i];
            if (string.IsNullOrEmpty(header.Dest))
            {
                throw new TriggerExecutionException($"{_fieldPath}.dynamicHeaders[{i}].dest must name the header.");
            }

            if (DynamicHeaderValue.Resolve(header, events, $"{_fieldPath}.dynamicHeaders[{i}]") is { } value)
            {
                dynamic[header.Dest] = value;
            }
        }

        foreach (var header in plan.PlainHeaders)
        {
            if (!dynamic.ContainsKey(header.Key))
            {
                AddHeader(request, ref content, header.Key, header.Value);
            }
        }

        foreach (var (name, value) in dynamic)
        {
            if (!plan.IsProtected(name))
            {
                AddHeader(request, ref content, name, value);
            }
        }
    }
}
