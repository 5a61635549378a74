using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's sftp rules: an event type and a valid watched path.</summary>
internal static class SftpEventSourceRules
{
    public static void Check(SftpEventSource source, ValidationScope scope)
    {
        scope.Require("eventType", source.EventType);
        WatchPathConfigRules.Check(source.WatchPathConfig, scope.Field("watchPathConfig"));
    }
}
