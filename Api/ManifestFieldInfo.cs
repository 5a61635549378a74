using System.Reflection;

namespace ArgoEvents.Api;

/// <summary>
/// One field of a model object: its manifest name and the property that holds it. Fields of an inlined
/// property live on the object held by <see cref="InlineOwner"/> rather than on the object itself.
/// </summary>
internal sealed record ManifestFieldInfo(string Name, PropertyInfo Property, PropertyInfo? InlineOwner)
{
    public Type ValueType => Property.PropertyType;
}
