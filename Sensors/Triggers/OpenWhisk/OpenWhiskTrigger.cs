using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ArgoEvents.Sensors.Parameters;
using ArgoEvents.Sensors.Triggers.Http;
using OpenWhiskTriggerSpec = ArgoEvents.Api.V1Alpha1.OpenWhiskTrigger;

namespace ArgoEvents.Sensors.Triggers.OpenWhisk;

/// <summary>
/// Argo's OpenWhisk trigger: a blocking invocation of the action,
/// <c>POST {host}/api/{version}/namespaces/{namespace}/actions/{action}?blocking=true&amp;result=true</c>, with the
/// payload as its parameters. A non-2xx answer fails; with <c>policy.status.allow</c> the status must also be listed.
/// </summary>
internal sealed class OpenWhiskTrigger : ITrigger
{
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly int[]? _allowedStatuses;
    private readonly string _fieldPath;

    /// <summary>Creates the trigger; it owns and disposes <paramref name="http"/>.</summary>
    public OpenWhiskTrigger(HttpClient http, string? authToken, IReadOnlyList<int>? allowedStatuses, string fieldPath)
    {
        _http = http;
        _authorization = string.IsNullOrEmpty(authToken)
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(authToken)));
        _allowedStatuses = allowedStatuses is { Count: > 0 } ? [.. allowedStatuses] : null;
        _fieldPath = fieldPath;
    }

    /// <summary>
    /// The invocation URL of <paramref name="spec"/>: a host without a scheme is reached over https, as the OpenWhisk
    /// client does; the version defaults to <c>v1</c> and the namespace to <c>_</c> (the caller's own).
    /// </summary>
    public static Uri InvocationUrl(OpenWhiskTriggerSpec spec, string fieldPath)
    {
        if (string.IsNullOrEmpty(spec.Host))
        {
            throw new TriggerConfigurationException($"{fieldPath}.host is required.");
        }

        if (string.IsNullOrEmpty(spec.ActionName))
        {
            throw new TriggerConfigurationException($"{fieldPath}.actionName is required.");
        }

        var host = spec.Host.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || spec.Host.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? spec.Host.TrimEnd('/')
            : "https://" + spec.Host.TrimEnd('/');
        var version = string.IsNullOrEmpty(spec.Version) ? "v1" : spec.Version;
        var ns = string.IsNullOrEmpty(spec.Namespace) ? "_" : spec.Namespace;
        var action = string.Join('/', spec.ActionName.Trim('/').Split('/').Select(Uri.EscapeDataString));
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{host}/api/{Uri.EscapeDataString(version)}/namespaces/{Uri.EscapeDataString(ns)}/actions/{action}?blocking=true&result=true");
        return Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : throw new TriggerConfigurationException($"{fieldPath}.host '{spec.Host}' does not make a valid URL ({text}).");
    }

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = invocation.Template.EffectiveOpenWhisk
            ?? throw new TriggerExecutionException($"{_fieldPath}: the template has no openWhisk trigger after its parameters were applied.");
        byte[] payload;
        try
        {
            spec = spec.Parameters.Count == 0 ? spec : TriggerParameters.ApplyToModel(spec, spec.Parameters, invocation.Events);
            payload = spec.Payload.Count == 0 ? "{}"u8.ToArray() : TriggerParameters.ConstructPayload(invocation.Events, spec.Payload);
        }
        catch (TriggerParameterException e)
        {
            throw new TriggerExecutionException($"{_fieldPath}: {e.Message}", e);
        }

        Uri url;
        try
        {
            url = InvocationUrl(spec, _fieldPath);
        }
        catch (TriggerConfigurationException e)
        {
            throw new TriggerExecutionException(e.Message, e);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new TriggerExecutionException(
                    $"{_fieldPath}: invoking action '{spec.ActionName}' at {url} failed with HTTP {status}: {Truncate(answer)}");
            }

            if (_allowedStatuses is not null && Array.IndexOf(_allowedStatuses, status) < 0)
            {
                throw new TriggerExecutionException(
                    $"{_fieldPath}: invoking action '{spec.ActionName}' answered {status}, which policy.status.allow [{string.Join(", ", _allowedStatuses)}] does not list.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            throw new TriggerExecutionException($"{_fieldPath}: invoking action '{spec.ActionName}' at {url} failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
