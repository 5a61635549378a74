namespace ArgoEvents.Api;

/// <summary>
/// Marks a model property as the field <see cref="Name"/> of Argo's JSON/YAML. Only marked properties are read and
/// written; every other key in a manifest is an unknown field.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
internal sealed class ManifestFieldAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
