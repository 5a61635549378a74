namespace ArgoEvents.Sensors.Filters;

/// <summary>Exact equality of the non-empty attributes of a <see cref="ContextFilterSpec"/>; id, time and specversion are ignored.</summary>
public sealed class ContextFilter(ContextFilterSpec spec)
{
    private readonly ContextFilterSpec _spec = spec ?? throw new ArgumentNullException(nameof(spec));

    /// <summary>Whether <paramref name="context"/> has every expected attribute; a missing context never passes.</summary>
    public bool Matches(FilterEventContext? context)
    {
        if (context is null)
        {
            return false;
        }

        return Same(_spec.Type, context.Type)
            && Same(_spec.Subject, context.Subject)
            && Same(_spec.Source, context.Source)
            && Same(_spec.DataContentType, context.DataContentType);
    }

    private static bool Same(string? expected, string actual) => string.IsNullOrEmpty(expected) || string.Equals(expected, actual, StringComparison.Ordinal);
}
