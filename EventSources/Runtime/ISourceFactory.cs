using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>Makes the running parts of one source type from the events of that type in the spec.</summary>
public interface ISourceFactory
{
    /// <summary>The type it serves.</summary>
    EventSourceType Type { get; }

    /// <summary>
    /// Checks what the spec validation cannot (secrets present, files readable, expressions supported) and builds the
    /// source; throws <see cref="InvalidOperationException"/> naming the event and the field when it cannot run.
    /// </summary>
    SourceParts Create(NamedEventSource source, SourceContext context);
}

/// <summary>What a source contributes: HTTP routes, an active loop, or both.</summary>
public sealed record SourceParts(IReadOnlyList<IWebhookRouteHandler> Routes, IActiveSource? Active)
{
    /// <summary>A source served by HTTP routes only.</summary>
    public static SourceParts FromRoutes(params IWebhookRouteHandler[] routes) => new(routes, null);

    /// <summary>A source with an active loop only.</summary>
    public static SourceParts FromActive(IActiveSource active) => new([], active);
}
