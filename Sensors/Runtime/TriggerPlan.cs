using ArgoEvents.Api.Conditions;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// One trigger of the sensor, compiled: its conditions over its dependencies, the action with its retry, rate limit and
/// DLQ trigger, and its conditions resets.
/// </summary>
internal sealed class TriggerPlan : IAsyncDisposable
{
    private readonly Dictionary<string, string> _dependencyByConditionName;

    public TriggerPlan(
        Trigger spec,
        string name,
        string conditionsText,
        TriggerCondition condition,
        IReadOnlyList<DependencyPlan> dependencies,
        Dictionary<string, string> dependencyByConditionName,
        TriggerAction action,
        IReadOnlyList<ConditionsResetSchedule> resets)
    {
        Spec = spec;
        Name = name;
        ConditionsText = conditionsText;
        Condition = condition;
        Dependencies = dependencies;
        _dependencyByConditionName = dependencyByConditionName;
        Action = action;
        Resets = resets;
    }

    public Trigger Spec { get; }

    public string Name { get; }

    /// <summary>The <c>conditions</c> as written (empty when absent): what <c>&lt;trigger&gt;/Expression</c> stores.</summary>
    public string ConditionsText { get; }

    public TriggerCondition Condition { get; }

    /// <summary>Whether earlier events must be remembered (the expression has <c>&amp;&amp;</c>).</summary>
    public bool RequiresAll => Condition.RequiresAll;

    /// <summary>The dependencies the conditions name, in order of first mention.</summary>
    public IReadOnlyList<DependencyPlan> Dependencies { get; }

    public TriggerAction Action { get; }

    public IReadOnlyList<ConditionsResetSchedule> Resets { get; }

    public bool AtLeastOnce => Spec.AtLeastOnce;

    /// <summary>Evaluates the conditions given which dependencies hold an event.</summary>
    public bool IsSatisfied(Func<string, bool> hasEvent) =>
        Condition.Evaluate(name => hasEvent(_dependencyByConditionName[name]));

    public ValueTask DisposeAsync() => Action.DisposeAsync();
}
