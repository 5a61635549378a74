namespace ArgoEvents.Api;

/// <summary>How a model type is written in a manifest.</summary>
internal enum ManifestTypeKind
{
    Node,
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    CustomScalar,
    List,
    Map,
    Object,
}
