using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's TLS rules: something to verify with unless verification is skipped, and client cert and key together.</summary>
internal static class TlsConfigRules
{
    public static void Check(TlsConfig? tls, ValidationScope scope)
    {
        if (tls is null || tls.InsecureSkipVerify)
        {
            return;
        }

        var hasCert = tls.ClientCertSecret is not null;
        var hasKey = tls.ClientKeySecret is not null;
        if (tls.CaCertSecret is null && !hasCert && !hasKey && !tls.Enabled)
        {
            scope.Fail("needs caCertSecret, or clientCertSecret and clientKeySecret, or enabled: true, or insecureSkipVerify: true");
        }

        if (hasCert != hasKey)
        {
            scope.Fail("needs both clientCertSecret and clientKeySecret, or neither");
        }
    }
}
