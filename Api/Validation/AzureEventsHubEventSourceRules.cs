using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's azureEventsHub rules: the namespace and hub, and the SAS key name and key together or not at all.</summary>
internal static class AzureEventsHubEventSourceRules
{
    public static void Check(AzureEventsHubEventSource source, ValidationScope scope)
    {
        scope.Require("fqdn", source.Fqdn);
        scope.Require("hubName", source.HubName);
        if ((source.SharedAccessKey is null) != (source.SharedAccessKeyName is null))
        {
            scope.Fail("needs both sharedAccessKeyName and sharedAccessKey, or neither (to use Azure AD)");
        }
    }
}
