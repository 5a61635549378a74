using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's nats rules: a server URL, a subject, valid TLS settings, and no empty queue group.</summary>
internal static class NatsEventSourceRules
{
    public static void Check(NatsEventSource source, ValidationScope scope)
    {
        scope.Require("url", source.Url);
        scope.Require("subject", source.Subject);
        TlsConfigRules.Check(source.Tls, scope.Field("tls"));
        if (source.Queue is { Length: 0 })
        {
            scope.Fail("queue", "must not be empty when written (leave it out for a plain subscription)");
        }

        BasicAuthRules.Check(source.Auth?.Basic, scope.Field("auth").Field("basic"));
    }
}
