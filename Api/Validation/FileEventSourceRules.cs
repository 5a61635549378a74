using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's file rules: an event type and a valid watched path.</summary>
internal static class FileEventSourceRules
{
    public static void Check(FileEventSource source, ValidationScope scope)
    {
        scope.Require("eventType", source.EventType);
        WatchPathConfigRules.Check(source.WatchPathConfig, scope.Field("watchPathConfig"));
    }
}
