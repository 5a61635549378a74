using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// The source types this build runs, one registration per type. A spec that uses another type loads and validates,
/// and is refused at start with a message naming the type.
/// </summary>
public sealed class SourceRegistry
{
    private readonly Dictionary<EventSourceType, ISourceFactory> _factories = [];

    /// <summary>Registers a type's factory.</summary>
    public SourceRegistry Add(ISourceFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factories.Add(factory.Type, factory);
        return this;
    }

    /// <summary>The registered types.</summary>
    public IEnumerable<EventSourceType> Types => _factories.Keys;

    /// <summary>The factory of a type.</summary>
    /// <exception cref="NotSupportedException">The type is not run by this build.</exception>
    public ISourceFactory For(EventSourceType type, string eventSourceName)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _factories.TryGetValue(type, out var factory)
            ? factory
            : throw new NotSupportedException(
                $"The EventSource '{eventSourceName}' uses the '{type.SpecKey}' source type, which this build loads and validates but does not run yet. Types it runs: {string.Join(", ", _factories.Keys.Select(t => t.SpecKey).Order())}.");
    }
}
