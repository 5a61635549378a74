namespace ArgoEvents.Api;

/// <summary>
/// Marks a model property whose fields are written at the level of its parent, as Go's <c>json:",inline"</c>
/// embedding does (a webhook event source's <c>endpoint</c> and <c>port</c> sit beside its <c>filter</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
internal sealed class ManifestInlineAttribute : Attribute;
