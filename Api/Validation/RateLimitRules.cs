using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Rules of a trigger's <c>rateLimit</c>: a unit of Second, Minute or Hour and at least one request per unit.</summary>
internal static class RateLimitRules
{
    private static readonly string[] Units = ["Second", "Minute", "Hour"];

    public static void Check(RateLimit rateLimit, ValidationScope scope)
    {
        if (!string.IsNullOrEmpty(rateLimit.Unit) && !Units.Contains(rateLimit.Unit))
        {
            scope.Fail("unit", $"must be one of {string.Join(", ", Units)}, got '{rateLimit.Unit}'");
        }

        // Argo divides the unit by this number, so a limit without it cannot work.
        if (rateLimit.RequestsPerUnit is null or < 1)
        {
            scope.Fail("requestsPerUnit", $"must be at least 1, got {rateLimit.RequestsPerUnit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
        }
    }
}
