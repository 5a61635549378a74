namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>One field of a Go struct as encoding/json sees it: its JSON name, its type, and whether it has <c>omitempty</c>.</summary>
internal sealed record GoJsonField(string Name, GoJsonShape Shape, bool OmitEmpty = false);
