using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's azureQueueStorage rules: a connection string or a storage account, and a queue.</summary>
internal static class AzureQueueStorageEventSourceRules
{
    public static void Check(AzureQueueStorageEventSource source, ValidationScope scope)
    {
        if (source.ConnectionString is null && string.IsNullOrEmpty(source.StorageAccountName))
        {
            scope.Fail("needs connectionString or storageAccountName");
        }

        scope.Require("queueName", source.QueueName);
    }
}
