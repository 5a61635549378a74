using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's hdfs rules: a known operation type, a valid watched path, name node addresses, a user or Kerberos
/// credentials, and the Kerberos settings each credential needs.
/// </summary>
internal static class HdfsEventSourceRules
{
    private static readonly string[] Operations = ["CREATE", "WRITE", "REMOVE", "RENAME", "CHMOD"];

    public static void Check(HdfsEventSource source, ValidationScope scope)
    {
        if (scope.Require("type", source.Type) && !source.Type!.Split('|').All(op => Operations.Contains(op, StringComparer.Ordinal)))
        {
            scope.Fail("type", $"must be one of {string.Join(", ", Operations)} (combined with '|'), got '{source.Type}'");
        }

        WatchPathConfigRules.Check(source.WatchPathConfig, scope);
        scope.RequireItems("addresses", source.Addresses);

        var hasCache = source.KrbCCacheSecret is not null;
        var hasKeytab = source.KrbKeytabSecret is not null;
        if (string.IsNullOrEmpty(source.HdfsUser) && !hasCache && !hasKeytab)
        {
            scope.Fail("needs hdfsUser, krbCCacheSecret or krbKeytabSecret");
        }

        if (hasKeytab)
        {
            scope.Require("krbServicePrincipalName", source.KrbServicePrincipalName);
            scope.Require("krbConfigConfigMap", source.KrbConfigConfigMap);
            scope.Require("krbUsername", source.KrbUsername);
            scope.Require("krbRealm", source.KrbRealm);
        }
        else if (hasCache)
        {
            scope.Require("krbServicePrincipalName", source.KrbServicePrincipalName);
            scope.Require("krbConfigConfigMap", source.KrbConfigConfigMap);
        }
    }
}
