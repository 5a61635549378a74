using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's dependency rules: at least one, each with a unique name, an EventSource and an event name, and valid filters.</summary>
internal static class EventDependencyRules
{
    /// <summary>Checks every dependency and returns the names defined, for the triggers' references.</summary>
    public static DependencyNames CheckAll(IReadOnlyList<EventDependency> dependencies, ValidationScope scope)
    {
        var names = new DependencyNames();
        if (!RequireAny(dependencies, scope))
        {
            return names;
        }

        for (var i = 0; i < dependencies.Count; i++)
        {
            var dependency = dependencies[i];
            var item = scope.Index(i);
            if (item.Require("name", dependency.Name) && !names.Add(dependency.Name!))
            {
                item.Fail("name", $"'{dependency.Name}' is used by an earlier dependency (names must be unique; '-' and '_' count as the same character)");
            }

            item.Require("eventSourceName", dependency.EventSourceName);
            item.Require("eventName", dependency.EventName);
            LogicalOperators.Check(dependency.FiltersLogicalOperator, item.Field("filtersLogicalOperator"));
            if (dependency.Filters is not null)
            {
                EventDependencyFilterRules.Check(dependency.Filters, item.Field("filters"));
            }
        }

        return names;
    }

    private static bool RequireAny(IReadOnlyList<EventDependency> dependencies, ValidationScope scope)
    {
        if (dependencies.Count > 0)
        {
            return true;
        }

        scope.Fail("must list at least one dependency: a Sensor waits for events");
        return false;
    }
}
