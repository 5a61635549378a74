using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's resource rules: a version, a resource and event types (ADD, UPDATE, DELETE), and selectors with a key
/// and a known operation.
/// </summary>
internal static class ResourceEventSourceRules
{
    private static readonly string[] EventTypes = ["ADD", "UPDATE", "DELETE"];
    private static readonly string[] Operations = ["=", "==", "!=", "in", "notin", "exists", "!", "gt", "lt"];

    public static void Check(ResourceEventSource source, ValidationScope scope)
    {
        scope.Require("version", source.Version);
        scope.Require("resource", source.Resource);
        if (scope.RequireItems("eventTypes", source.EventTypes))
        {
            for (var i = 0; i < source.EventTypes.Count; i++)
            {
                if (!EventTypes.Contains(source.EventTypes[i], StringComparer.Ordinal))
                {
                    scope.Field("eventTypes").Index(i).Fail($"must be ADD, UPDATE or DELETE, got '{source.EventTypes[i]}'");
                }
            }
        }

        if (source.Filter is { } filter)
        {
            CheckSelectors(filter.Labels, scope.Field("filter").Field("labels"));
            CheckSelectors(filter.Fields, scope.Field("filter").Field("fields"));
        }
    }

    private static void CheckSelectors(IReadOnlyList<Selector> selectors, ValidationScope scope)
    {
        for (var i = 0; i < selectors.Count; i++)
        {
            var selector = scope.Index(i);
            selector.Require("key", selectors[i].Key);
            var operation = selectors[i].Operation;
            if (!string.IsNullOrEmpty(operation) && !Operations.Contains(operation, StringComparer.Ordinal))
            {
                selector.Fail("operation", $"must be one of {string.Join(" ", Operations)}; got '{operation}'");
            }
        }
    }
}
