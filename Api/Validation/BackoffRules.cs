using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Rules of a <c>Backoff</c> (retry strategy, policy polling): no negative duration, factor, jitter or steps.</summary>
internal static class BackoffRules
{
    public static void Check(Backoff backoff, ValidationScope scope)
    {
        if (backoff.Duration is { } duration && duration.Value < TimeSpan.Zero)
        {
            scope.Fail("duration", $"must not be negative, got '{duration}'");
        }

        if (backoff.Factor is < 0)
        {
            scope.Fail("factor", $"must not be negative, got {backoff.Factor}");
        }

        if (backoff.Jitter is < 0)
        {
            scope.Fail("jitter", $"must not be negative, got {backoff.Jitter}");
        }

        if (backoff.Steps is < 0)
        {
            scope.Fail("steps", $"must not be negative, got {backoff.Steps}");
        }
    }
}
