using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's EventSource rules: Kubernetes names, replicas of at least 1, at least one event, event names unique
/// across all types, no mixing of active-active and active-passive types, and each type's own rules.
/// </summary>
internal static class EventSourceValidator
{
    public static IReadOnlyList<ManifestError> Validate(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        var errors = new List<ManifestError>();
        var root = new ValidationScope(eventSource.Source, errors, FieldPath.Root);
        var metadata = root.Field("metadata");
        ObjectMetaRules.Check(eventSource.Metadata, metadata);
        if (eventSource.Metadata.Name is { Length: > 0 } name && BusSubjectTokens.Problem(name) is { } nameProblem)
        {
            metadata.Fail("name", nameProblem);
        }

        var spec = root.Field("spec");
        CheckSpecSettings(eventSource.Spec, spec);
        CheckEvents(eventSource.Spec, spec);
        return errors;
    }

    private static void CheckSpecSettings(EventSourceSpec spec, ValidationScope scope)
    {
        if (!string.IsNullOrEmpty(spec.EventBusName) && KubernetesNames.SubdomainProblem(spec.EventBusName) is { } busProblem)
        {
            scope.Fail("eventBusName", busProblem);
        }

        if (spec.Replicas is < 1)
        {
            scope.Fail("replicas", $"must be at least 1, got {spec.Replicas}");
        }

        if (spec.DeprecatedReplica is < 1)
        {
            scope.Fail("replica", $"must be at least 1, got {spec.DeprecatedReplica}");
        }
    }

    private static void CheckEvents(EventSourceSpec spec, ValidationScope scope)
    {
        var firstTypeOfName = new Dictionary<string, EventSourceType>(StringComparer.Ordinal);
        var modes = new Dictionary<HighAvailabilityMode, List<string>>();
        foreach (var named in spec.Events)
        {
            var eventScope = scope.Field(named.Type.SpecKey).Field(named.Name);
            if (BusSubjectTokens.Problem(named.Name) is { } nameProblem)
            {
                eventScope.Fail("has an event name that " + nameProblem);
            }

            if (!firstTypeOfName.TryAdd(named.Name, named.Type))
            {
                eventScope.Fail($"has the event name '{named.Name}', already used under spec.{firstTypeOfName[named.Name].SpecKey}; event names must be unique across all types of one EventSource");
            }

            if (!modes.TryGetValue(named.Type.HighAvailability, out var types))
            {
                modes[named.Type.HighAvailability] = types = [];
            }

            if (!types.Contains(named.Type.SpecKey))
            {
                types.Add(named.Type.SpecKey);
            }

            EventSourceRules.Check(named.Source, eventScope);
        }

        if (firstTypeOfName.Count == 0)
        {
            scope.Fail("defines no event source: add at least one event under a type such as webhook or calendar");
        }

        if (modes.Count > 1)
        {
            scope.Fail(
                $"mixes active-active types ({string.Join(", ", modes[HighAvailabilityMode.ActiveActive])}) with active-passive types " +
                $"({string.Join(", ", modes[HighAvailabilityMode.ActivePassive])}); put them in separate EventSources");
        }
    }
}
