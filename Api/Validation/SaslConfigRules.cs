using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's SASL rules: a known mechanism, and both the user and password secrets.</summary>
internal static class SaslConfigRules
{
    private static readonly string[] Mechanisms = ["PLAIN", "OAUTHBEARER", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI"];

    public static void Check(SaslConfig? sasl, ValidationScope scope)
    {
        if (sasl is null)
        {
            return;
        }

        if (!string.IsNullOrEmpty(sasl.Mechanism) && !Mechanisms.Contains(sasl.Mechanism, StringComparer.Ordinal))
        {
            scope.Fail("mechanism", $"must be one of {string.Join(", ", Mechanisms)}; got '{sasl.Mechanism}'");
        }

        scope.Require("userSecret", sasl.UserSecret);
        scope.Require("passwordSecret", sasl.PasswordSecret);
    }
}
