namespace ArgoEvents.Api.Validation;

/// <summary>Argo's logical operators for combining filters: <c>and</c> (also the default, empty) or <c>or</c>.</summary>
internal static class LogicalOperators
{
    public static void Check(string? value, ValidationScope scope)
    {
        if (value is not (null or "" or "and" or "or"))
        {
            scope.Fail($"must be 'and' or 'or', got '{value}'");
        }
    }
}
