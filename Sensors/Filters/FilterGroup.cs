namespace ArgoEvents.Sensors.Filters;

/// <summary>
/// Combines the results of several filters of one kind as Argo does: AND stops at the first error or rejection; OR
/// stops at the first pass (so later errors are never seen) and otherwise rejects with every error collected, formatted
/// as Go prints a list of errors: <c>&lt;kind&gt; filter errors [e1 e2]</c>.
/// </summary>
internal struct FilterGroup(LogicalOperator op, string kind)
{
    private List<string>? _errors;

    /// <summary>Records one filter's result; returns the group's final result when it is already decided.</summary>
    public FilterResult? Add(FilterResult result)
    {
        if (op == LogicalOperator.And)
        {
            return result.Passed && result.Error is null ? null : result;
        }

        if (result.Passed)
        {
            return FilterResult.Pass;
        }

        if (result.Error is not null)
        {
            (_errors ??= []).Add(result.Error);
        }

        return null;
    }

    /// <summary>The group's result once every filter was added without deciding it.</summary>
    public readonly FilterResult Finish() => op == LogicalOperator.And
        ? FilterResult.Pass
        : _errors is null ? FilterResult.Reject : FilterResult.Failed($"{kind} filter errors [{string.Join(' ', _errors)}]");
}
