using System.Globalization;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's webhook rules (an endpoint and a numeric port), plus a method, because a route without one
/// answers every request with "http method does not match".
/// </summary>
internal static class WebhookContextRules
{
    public static void Check(WebhookContext? context, ValidationScope scope)
    {
        if (context is null)
        {
            scope.Fail("is required");
            return;
        }

        scope.Require("endpoint", context.Endpoint);
        scope.Require("method", context.Method);
        if (scope.Require("port", context.Port) &&
            (!int.TryParse(context.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535))
        {
            scope.Fail("port", $"must be a port number from 1 to 65535, got '{context.Port}'");
        }

        if (context.MaxPayloadSize is <= 0)
        {
            scope.Fail("maxPayloadSize", $"must be a positive number of bytes, got {context.MaxPayloadSize}");
        }

        BasicAuthRules.Check(context.BasicAuth, scope.Field("basicAuth"));
    }
}
