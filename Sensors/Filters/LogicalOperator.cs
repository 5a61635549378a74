namespace ArgoEvents.Sensors.Filters;

/// <summary>How several filters combine.</summary>
public enum LogicalOperator
{
    /// <summary>All must pass (Argo's default, also for an empty value).</summary>
    And,

    /// <summary>Any one passing is enough.</summary>
    Or,
}

/// <summary>Reads Argo's operator strings.</summary>
public static class LogicalOperators
{
    /// <summary>Parses <c>and</c>, <c>or</c> or empty (= and); anything else is an error naming <paramref name="field"/>.</summary>
    public static LogicalOperator Parse(string? value, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return value switch
        {
            null or "" or "and" => LogicalOperator.And,
            "or" => LogicalOperator.Or,
            _ => throw new ArgumentException($"{field}: unknown logical operator '{value}' (expected 'and' or 'or')", field),
        };
    }
}
